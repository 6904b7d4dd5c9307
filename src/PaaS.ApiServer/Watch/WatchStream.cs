using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Storage;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Watch;

/// <summary>
/// <c>?watch=true</c>: a stream of <c>{"type":..., "object":...}</c> lines for every change after the
/// requested resourceVersion. It subscribes to the shared <see cref="ChangeFeed"/> first, then reads the
/// log from the requested version up to the feed's position, then streams from the feed: because versions
/// follow commit order, nothing between the two is missed or sent twice.
/// </summary>
internal static class WatchStream
{
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(HttpContext context, ObjectStore store, ChangeFeed feed, ResourceType type, string? ns, ObjectFilter filter, CancellationToken ct)
    {
        var query = context.Request.Query;
        var requested = query["resourceVersion"].ToString();
        var bookmarks = query["allowWatchBookmarks"] is var b && (b == "true" || b == "1");
        var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);

        var subscription = await feed.SubscribeAsync(ct);
        try
        {
            long after;
            var (current, compactedThrough) = await store.GetVersionsAsync(ct);
            var initial = new List<string>();
            if (requested is "" or "0")
            {
                // No version: start with the current state as ADDED events, as Kubernetes does.
                (after, initial) = await store.ListAsync(type.GroupResource, ns, filter, ct);
            }
            else if (!long.TryParse(requested, out after) || after < 0)
            {
                throw ApiException.BadRequest($"resourceVersion: Invalid value: \"{requested}\": must be a resourceVersion this server issued");
            }
            else if (after < compactedThrough)
            {
                throw new ApiException(System.Net.HttpStatusCode.Gone, "Expired", $"too old resource version: {after} ({compactedThrough + 1})");
            }
            else if (after > current)
            {
                throw new ApiException(System.Net.HttpStatusCode.Gone, "Expired", $"resource version {after} is newer than the store's {current}");
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(ct);
            foreach (var body in initial)
            {
                await WriteEventAsync(context, "ADDED", body, ct);
            }

            await context.Response.Body.FlushAsync(ct);
            try
            {
                after = await CatchUpAsync(context, store, type, ns, filter, after, subscription.StartPosition, deadline.Token);
                await StreamAsync(context, feed, subscription, type, ns, filter, after, bookmarks, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // The timeout elapsed or the client went away: the stream simply ends, as in Kubernetes.
            }
        }
        finally
        {
            feed.Unsubscribe(subscription);
        }
    }

    /// <summary>Sends the logged changes in (after, until]; returns the last version covered.</summary>
    private static async Task<long> CatchUpAsync(HttpContext context, ObjectStore store, ResourceType type, string? ns, ObjectFilter filter, long after, long until, CancellationToken ct)
    {
        while (after < until)
        {
            var changes = await store.ReadChangesAsync(after, type.GroupResource, ns, 500, ct);
            var sent = false;
            foreach (var change in changes.TakeWhile(c => c.ResourceVersion <= until))
            {
                sent |= await SendIfMatchingAsync(context, filter, change, ct);
            }

            if (sent)
            {
                await context.Response.Body.FlushAsync(ct);
            }

            if (changes.Count < 500 || changes[^1].ResourceVersion >= until)
            {
                break;
            }

            after = changes[^1].ResourceVersion;
        }

        return Math.Max(after, until);
    }

    private static async Task StreamAsync(HttpContext context, ChangeFeed feed, FeedSubscription subscription, ResourceType type, string? ns, ObjectFilter filter, long after, bool bookmarks, CancellationToken ct)
    {
        var reader = subscription.Changes;
        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(BookmarkInterval);
            bool ready;
            try
            {
                ready = await reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                if (bookmarks)
                {
                    after = Math.Max(after, feed.Position);
                    var bookmark = $"{{\"kind\":\"{type.Kind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{after}\"}}}}";
                    await WriteEventAsync(context, "BOOKMARK", bookmark, ct);
                    await context.Response.Body.FlushAsync(ct);
                }

                continue;
            }

            if (!ready)
            {
                // The subscription overflowed: end the stream; the client re-watches from its last version.
                return;
            }

            var sent = false;
            while (reader.TryRead(out var change))
            {
                if (change.ResourceVersion <= after || change.Resource != type.GroupResource || (ns is not null && change.Namespace != ns))
                {
                    continue;
                }

                after = change.ResourceVersion;
                sent |= await SendIfMatchingAsync(context, filter, change, ct);
            }

            if (sent)
            {
                await context.Response.Body.FlushAsync(ct);
            }
        }
    }

    private static async Task<bool> SendIfMatchingAsync(HttpContext context, ObjectFilter filter, ChangeRecord change, CancellationToken ct)
    {
        if (!filter.IsVisible(change.Namespace, change.Name))
        {
            return false;
        }

        if ((filter.Fields.Count == 0 && filter.Labels.IsEmpty) || filter.Matches((JsonObject)JsonNode.Parse(change.Body)!))
        {
            await WriteEventAsync(context, change.ChangeType, change.Body, ct);
            return true;
        }

        return false;
    }

    private static Task WriteEventAsync(HttpContext context, string type, string objectJson, CancellationToken ct)
    {
        var line = new StringBuilder(objectJson.Length + 32).Append("{\"type\":\"").Append(type).Append("\",\"object\":").Append(objectJson).Append("}\n").ToString();
        return context.Response.WriteAsync(line, ct);
    }
}
