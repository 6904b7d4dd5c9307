using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Identity;

namespace PaaS.ApiServer.Audit;

/// <summary>
/// Records every write request (any method but GET/HEAD/OPTIONS, access reviews excepted) once its
/// response is decided: who, what, when, from where and the outcome, at Kubernetes' Metadata level (no
/// bodies). Records queue in memory and <see cref="AuditWriter"/> stores them in batches, off the
/// request's path; a crash can lose the last fraction of a second of records, as with Kubernetes'
/// batching audit backend.
/// </summary>
internal sealed class AuditLog
{
    private const string RequestKey = "paas.audit.request";
    private const string MessageKey = "paas.audit.message";
    private const string SkipKey = "paas.audit.skip";

    private readonly Channel<AuditEvent> _queue = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(50_000)
    {
        // A full queue slows writers down rather than dropping records.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public ChannelReader<AuditEvent> Pending => _queue.Reader;

    /// <summary>What the API understood the request to be (set by the resource API before authorizing).</summary>
    public static void NoteRequest(HttpContext context, AccessRequest request) => context.Items[RequestKey] = request;

    /// <summary>The name of the object a create made (known only from the body).</summary>
    public static void NoteName(HttpContext context, string? name)
    {
        if (context.Items[RequestKey] is AccessRequest request)
        {
            context.Items[RequestKey] = request with { Name = name };
        }
    }

    /// <summary>The message of a refused request (the Status message, never a body).</summary>
    public static void NoteRefusal(HttpContext context, string message) => context.Items[MessageKey] = message;

    /// <summary>Leaves a write out of the audit log: node agents' log shipments, which are data, not changes of state.</summary>
    public static void NotAudited(HttpContext context) => context.Items[SkipKey] = true;

    public async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.Request.Path.Value?.EndsWith("accessreviews", StringComparison.Ordinal) == true)
        {
            await next(context);
            return;
        }

        var code = 500;
        try
        {
            await next(context);
            code = context.Response.StatusCode;
        }
        finally
        {
            if (!context.Items.ContainsKey(SkipKey))
            {
                await _queue.Writer.WriteAsync(Describe(context, code), CancellationToken.None);
            }
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    private static AuditEvent Describe(HttpContext context, int code)
    {
        var request = context.Items[RequestKey] as AccessRequest;
        var path = context.Request.Path.Value ?? "";
        return new AuditEvent
        {
            Time = DateTimeOffset.UtcNow,
            User = context.User.Identity?.IsAuthenticated == true ? context.User.DisplayName() : "system:anonymous",
            Verb = request?.Verb ?? context.Request.Method.ToLowerInvariant(),
            Resource = request?.Type.GroupResource ?? path.TrimStart('/'),
            Subresource = request?.Subresource,
            Namespace = request?.Namespace,
            Name = request?.Name,
            RequestUri = (path + context.Request.QueryString.Value) is var uri && uri.Length > 1000 ? uri[..1000] : uri,
            SourceIp = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 300)] : null,
            Code = code,
            Message = code >= 400 ? context.Items[MessageKey] as string : null,
        };
    }
}
