namespace PaaS.ApiServer.Objects;

/// <summary>
/// The parts of Kubernetes' DeleteOptions this API reads (from the query string or the body).
/// <see cref="PropagationPolicy"/> is validated and kept for the garbage collector (issue 5); until it
/// exists, deleting an owner leaves its dependents.
/// </summary>
internal sealed record DeleteRequest(long? GracePeriodSeconds = null, string? PropagationPolicy = null, long? PreconditionResourceVersion = null, string? PreconditionUid = null);
