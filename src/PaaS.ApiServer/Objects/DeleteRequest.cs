namespace PaaS.ApiServer.Objects;

/// <summary>The parts of Kubernetes' DeleteOptions this API honours (from the query string or the body).</summary>
internal sealed record DeleteRequest(long? GracePeriodSeconds = null, string? PropagationPolicy = null, long? PreconditionResourceVersion = null, string? PreconditionUid = null);
