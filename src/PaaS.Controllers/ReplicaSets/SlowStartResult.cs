namespace PaaS.Controllers.ReplicaSets;

/// <summary>The outcome of a <see cref="SlowStartBatch"/> run.</summary>
/// <param name="Requested">How many creates were planned.</param>
/// <param name="Succeeded">How many returned without error.</param>
/// <param name="Errors">The failures of the last batch run (empty when all succeeded).</param>
public sealed record SlowStartResult(int Requested, int Succeeded, IReadOnlyList<Exception> Errors)
{
    /// <summary>
    /// Planned creates that will never be observed (failed or never attempted): lower the expectations by this many,
    /// as Kubernetes does with CreationObserved for each skipped pod.
    /// </summary>
    public int NotCreated => Requested - Succeeded;
}
