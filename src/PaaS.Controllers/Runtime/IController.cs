using PaaS.Contracts;

namespace PaaS.Controllers.Runtime;

/// <summary>
/// A controller as the runtime sees it: which keys a change concerns, every key (for the periodic
/// relist that repairs whatever a lost event missed), and the reconcile of one key, which re-reads the
/// current state through the API server and acts on it. A reconcile that throws is retried with back-off.
/// </summary>
public interface IController
{
    string Name { get; }

    /// <summary>The keys (e.g. <c>namespace/name</c> of a ReplicaSet) a change is a hint for; usually none or one.</summary>
    IEnumerable<string> KeysFor(ResourceChanged change);

    /// <summary>Every key this controller is responsible for now.</summary>
    Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct);

    /// <returns>When to look at the key again without any event (a deadline to check), or null.</returns>
    Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct);
}
