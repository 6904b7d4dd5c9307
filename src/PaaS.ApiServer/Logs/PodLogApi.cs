using System.Buffers;
using System.Text;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Audit;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Objects;
using PaaS.Core.Logs;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Logs;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c> as Kubernetes serves it (text/plain, one line per
/// line of output), so <c>kubectl logs</c> works: container choice, follow, tail, since, timestamps,
/// previous and limitBytes. Readable by whoever may get pods in the namespace (<c>get pods/log</c>).
/// </summary>
internal static class PodLogApi
{
    /// <summary>A followed log checks this often (in polls) whether its pod still exists.</summary>
    private const int PollsPerPodCheck = 4;

    public static IEndpointRouteBuilder MapPodLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/namespaces/{namespace}/pods/{name}/log", ReadAsync).RequireAuthorization();
        return app;
    }

    private static async Task ReadAsync(HttpContext context, Authorizer authorizer, ObjectService objects, LogStore store, IOptions<LogOptions> options,
        TimeProvider time, string @namespace, string name)
    {
        var ct = context.RequestAborted;
        var access = new AccessRequest("get", ResourceTypes.Pod, @namespace, name, "log");
        AuditLog.NoteRequest(context, access);
        var decision = await authorizer.AuthorizeAsync(context.User, access, ct);
        var query = PodLogQuery.Parse(context.Request.Query, time.GetUtcNow());
        var pod = (V1Pod)ObjectJson.ToModel(ResourceTypes.Pod, (await objects.GetAsync(ResourceTypes.Pod, @namespace, name, ct)).Body);
        decision.Guard.Check(pod, null);

        var container = ChooseContainer(pod, query.Container);
        var uid = Guid.Parse(pod.Metadata.Uid);
        // The status may lag behind a restart whose lines already arrived, or run ahead of a new container
        // that has printed nothing yet: the newer of the two is the current attempt.
        var restarts = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container)?.RestartCount ?? 0;
        var current = Math.Max(restarts, await store.NewestAttemptAsync(uid, container, ct) ?? 0);
        if (query.Previous && current == 0)
        {
            throw ApiException.BadRequest($"previous terminated container \"{container}\" in pod \"{name}\" not found");
        }

        var attempt = query.Previous ? current - 1 : current;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.StartAsync(ct);
        var output = new LogOutput(context.Response, query.Timestamps, query.LimitBytes);
        try
        {
            var position = LogPosition.Start;
            int read;
            var tail = query.TailLines;
            if (tail == 0)
            {
                // Nothing to print, but a follow starts after the newest line, not at the beginning.
                await foreach (var newest in store.ReadAsync(uid, container, attempt, query.SinceUnixNano, position, tail: 1, ct))
                {
                    position = newest.Position;
                }
            }

            do
            {
                read = 0;
                await foreach (var line in store.ReadAsync(uid, container, attempt, query.SinceUnixNano, position, tail, ct))
                {
                    read++;
                    position = line.Position;
                    if (!output.Write(line))
                    {
                        await output.FlushAsync(ct);
                        return;
                    }
                }

                tail = null;
                await output.FlushAsync(ct);
            }
            while (read == LogStore.PageSize);

            if (query.Follow && !query.Previous)
            {
                await FollowAsync(store, output, options.Value.FollowPollInterval, time, (@namespace, name, uid), container, attempt, query.SinceUnixNano, position, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: that is how most followed logs end.
        }
    }

    /// <summary>
    /// Streams lines stored after <paramref name="position"/> as they arrive, until the client goes away, the
    /// output limit is reached or the pod is deleted (its last lines are written first).
    /// </summary>
    private static async Task FollowAsync(LogStore store, LogOutput output, TimeSpan poll, TimeProvider time,
        (string Namespace, string Name, Guid Uid) pod, string container, int attempt, long since, LogPosition position, CancellationToken ct)
    {
        for (var polls = 1; ; polls++)
        {
            await Task.Delay(poll, time, ct);
            var podGone = polls % PollsPerPodCheck == 0 && !await store.PodExistsAsync(pod.Namespace, pod.Name, pod.Uid, ct);
            int read;
            do
            {
                read = 0;
                await foreach (var line in store.ReadAsync(pod.Uid, container, attempt, since, position, tail: null, ct))
                {
                    read++;
                    position = line.Position;
                    if (!output.Write(line))
                    {
                        await output.FlushAsync(ct);
                        return;
                    }
                }

                await output.FlushAsync(ct);
            }
            while (read == LogStore.PageSize);

            if (podGone)
            {
                return;
            }
        }
    }

    /// <summary>The container asked for, or the only one; Kubernetes' 400s otherwise.</summary>
    private static string ChooseContainer(V1Pod pod, string? requested)
    {
        var names = pod.Spec.Containers.Select(c => c.Name).ToList();
        var initNames = (pod.Spec.InitContainers ?? []).Select(c => c.Name).ToList();
        if (requested is null)
        {
            return names.Count == 1
                ? names[0]
                : throw ApiException.BadRequest($"a container name must be specified for pod {pod.Metadata.Name}, choose one of: [{string.Join(" ", names)}]"
                    + (initNames.Count > 0 ? $" or one of the init containers: [{string.Join(" ", initNames)}]" : ""));
        }

        return names.Contains(requested) || initNames.Contains(requested)
            ? requested
            : throw ApiException.BadRequest($"container {requested} is not valid for pod {pod.Metadata.Name}");
    }

    /// <summary>Writes lines as kubectl prints them, stopping at the byte limit (mid-line, as Kubernetes does).</summary>
    private sealed class LogOutput(HttpResponse response, bool timestamps, long? limitBytes)
    {
        private long _written;

        /// <summary>False when the byte limit is reached: nothing more may be written.</summary>
        public bool Write(StoredLogLine line)
        {
            var text = (timestamps ? LogTimestamp.Format(line.Position.TimeUnixNano) + " " : "") + line.Line + "\n";
            var bytes = Encoding.UTF8.GetBytes(text);
            var room = limitBytes is { } limit ? limit - _written : long.MaxValue;
            var count = (int)Math.Min(bytes.Length, room);
            response.BodyWriter.Write(bytes.AsSpan(0, count));
            _written += count;
            return _written < (limitBytes ?? long.MaxValue);
        }

        public async Task FlushAsync(CancellationToken ct) => await response.BodyWriter.FlushAsync(ct);
    }
}
