namespace PaaS.ApiServer.Objects;

/// <summary>
/// The parts of Kubernetes' DeleteOptions this API reads (from the query string or the body).
/// <see cref="PropagationPolicy"/>: <c>Background</c> (the default) deletes the object at once and leaves
/// its dependents to the garbage collector; <c>Foreground</c> and <c>Orphan</c> keep the object, terminating,
/// with the <c>foregroundDeletion</c> or <c>orphan</c> finalizer until the garbage collector has deleted
/// its dependents or released them.
/// </summary>
internal sealed record DeleteRequest(long? GracePeriodSeconds = null, string? PropagationPolicy = null, long? PreconditionResourceVersion = null, string? PreconditionUid = null);
