using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Audit;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Objects;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Logs;

/// <summary>
/// Where node agents ship their containers' output (Fluentd's collector role) and learn where to resume.
/// Only the node's own identity (<c>system:node:&lt;node&gt;</c>) and admins may use a node's paths, and a
/// node ships only for pods bound to it.
/// </summary>
internal static class NodeLogApi
{
    public static IEndpointRouteBuilder MapNodeLogApi(this IEndpointRouteBuilder app)
    {
        var node = app.MapGroup("/apis/paas.dev/v1/nodes/{node}").RequireAuthorization();
        node.MapPost("/logs", IngestAsync);
        node.MapGet("/logcursors", CursorsAsync);
        return app;
    }

    private static async Task IngestAsync(HttpContext context, LogStore store, IOptions<LogOptions> options, TimeProvider time, string node)
    {
        Authorize(context.User, node, "create", "logs");
        // A busy node ships several batches a second: as audit records they would drown the writes people
        // look for. Refusals above are still audited.
        AuditLog.NotAudited(context);
        var lines = LogBatchReader.Read(await RequestBodyReader.ReadObjectAsync(context.Request, context.RequestAborted));
        var stored = 0;
        if (lines.Count > 0)
        {
            var pods = lines.Select(l => (l.Namespace, l.Pod, l.PodUid)).Distinct().ToList();
            if (await store.FindPodNotOnNodeAsync(node, pods, context.RequestAborted) is { } pod)
            {
                throw ApiException.Forbidden(AccessRules.Denial(context.User.DisplayName(), "create", "paas.dev", "nodes", "logs", null,
                    $"pod \"{pod}\" (with that uid) is not bound to node \"{node}\""));
            }

            var cutoff = LogTimestamp.FromDateTimeOffset(time.GetUtcNow() - options.Value.Retention);
            stored = await store.AppendAsync(node, lines, cutoff, context.RequestAborted);
        }

        await context.Response.WriteAsJsonAsync(new { received = lines.Count, stored }, context.RequestAborted);
    }

    private static async Task CursorsAsync(HttpContext context, LogStore store, string node)
    {
        Authorize(context.User, node, "get", "logcursors");
        var cursors = await store.CursorsAsync(node, context.RequestAborted);
        var body = new LogCursors(cursors.ToDictionary(c => c.Key, c => LogTimestamp.Format(c.Value), StringComparer.Ordinal));
        await context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    private static void Authorize(ClaimsPrincipal user, string node, string verb, string subresource)
    {
        if (!user.IsAdmin() && user.DisplayName() != AccessRules.NodePrefix + node)
        {
            throw ApiException.Forbidden(AccessRules.Denial(user.DisplayName(), verb, "paas.dev", "nodes", subresource, null,
                $"only node \"{node}\"'s own agent ships and resumes its logs"));
        }
    }
}
