using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaaS.ApiServer.Storage;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Api;

/// <summary>
/// <c>?watch=true</c>: a stream of <c>{"type":..., "object":...}</c> lines read from the change log after
/// the requested resourceVersion. Because versions follow commit order, resuming from any version a list
/// returned misses nothing. This first version polls the log per watcher; fanning many watchers out of
/// one feed is the watch issue's work.
/// </summary>
internal static class WatchStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(HttpContext context, ObjectStore store, ResourceType type, string? ns, ObjectFilter filter, CancellationToken ct)
    {
        var query = context.Request.Query;
        var requested = query["resourceVersion"].ToString();
        var bookmarks = query["allowWatchBookmarks"] is var b && (b == "true" || b == "1");
        var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);

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
            // A version from the future (another store?) cannot be resumed from honestly.
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
        var lastBookmark = DateTime.UtcNow;
        try
        {
            while (!deadline.IsCancellationRequested)
            {
                var changes = await store.ReadChangesAsync(after, type.GroupResource, ns, 500, deadline.Token);
                foreach (var change in changes)
                {
                    after = change.ResourceVersion;
                    if ((filter.Fields.Count == 0 && filter.Labels.IsEmpty) || filter.Matches((JsonObject)JsonNode.Parse(change.Body)!))
                    {
                        await WriteEventAsync(context, change.ChangeType, change.Body, deadline.Token);
                    }
                }

                if (changes.Count > 0)
                {
                    await context.Response.Body.FlushAsync(deadline.Token);
                    continue;
                }

                if (bookmarks && DateTime.UtcNow - lastBookmark > BookmarkInterval)
                {
                    after = Math.Max(after, (await store.GetVersionsAsync(deadline.Token)).Current);
                    var bookmark = $"{{\"kind\":\"{type.Kind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{after}\"}}}}";
                    await WriteEventAsync(context, "BOOKMARK", bookmark, deadline.Token);
                    await context.Response.Body.FlushAsync(deadline.Token);
                    lastBookmark = DateTime.UtcNow;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The timeout elapsed or the client went away: the stream simply ends, as in Kubernetes.
        }
    }

    private static Task WriteEventAsync(HttpContext context, string type, string objectJson, CancellationToken ct)
    {
        var line = new StringBuilder(objectJson.Length + 32).Append("{\"type\":\"").Append(type).Append("\",\"object\":").Append(objectJson).Append("}\n").ToString();
        return context.Response.WriteAsync(line, ct);
    }
}
