namespace PaaS.ApiServer.Audit;

/// <summary>
/// One write request, at Kubernetes' Metadata level: who, what, when, from where and the outcome —
/// never a request or response body, so secret values cannot end up here.
/// </summary>
internal sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string User { get; set; }

    public required string Verb { get; set; }

    /// <summary>Group-qualified resource (<c>deployments.apps</c>), or the platform endpoint (<c>tokens</c>).</summary>
    public required string Resource { get; set; }

    public string? Subresource { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public required string RequestUri { get; set; }

    public string? SourceIp { get; set; }

    public string? UserAgent { get; set; }

    public int Code { get; set; }

    /// <summary>The Status message of a refused request (never a body).</summary>
    public string? Message { get; set; }
}
