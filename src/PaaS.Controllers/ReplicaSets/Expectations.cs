using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// What a controller still expects to see after its own creates and deletes (Kubernetes' UIDTrackingControllerExpectations).
/// The informer cache lags the API: without expectations a controller that just created five pods would see none,
/// and create five more. A key is not synced again until what it asked for has been observed, or the expectation
/// has expired (a watch event may be lost, so a lost one must not wedge the key forever).
/// </summary>
/// <remarks>
/// Thread-safe: one worker per key sets expectations while the event handlers lower them for any key.
/// Keys are <see cref="KeyOf"/> (namespace/name); deletions are tracked by pod name.
/// </remarks>
public sealed class Expectations
{
    /// <summary>As Kubernetes' ExpectationsTimeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Pending> pendingByKey = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public static string KeyOf(V1ReplicaSet replicaSet) => $"{replicaSet.Metadata.NamespaceProperty}/{replicaSet.Metadata.Name}";

    /// <summary>Records that <paramref name="count"/> creates are in flight, replacing any earlier expectation for the key.</summary>
    public void ExpectCreations(string key, int count, DateTime now)
    {
        lock (gate)
        {
            pendingByKey[key] = new Pending(count, [], now);
        }
    }

    /// <summary>
    /// One expected pod appeared, or one planned create will never happen (it failed, or slow start skipped it):
    /// Kubernetes lowers the expectation in both cases.
    /// </summary>
    public void CreationObserved(string key, int count = 1)
    {
        lock (gate)
        {
            if (pendingByKey.TryGetValue(key, out var pending))
            {
                pending.Creations -= count;
            }
        }
    }

    /// <summary>Records deletes in flight by pod name, replacing any earlier expectation for the key.</summary>
    public void ExpectDeletions(string key, IEnumerable<string> podNames, DateTime now)
    {
        lock (gate)
        {
            pendingByKey[key] = new Pending(0, new HashSet<string>(podNames, StringComparer.Ordinal), now);
        }
    }

    /// <summary>
    /// The named pod is gone (or has a deletionTimestamp), or its delete failed. Names that were not expected are
    /// ignored, so a pod deleted by someone else does not count against our own deletes.
    /// </summary>
    public void DeletionObserved(string key, string podName)
    {
        lock (gate)
        {
            if (pendingByKey.TryGetValue(key, out var pending))
            {
                pending.Deletions.Remove(podName);
            }
        }
    }

    /// <summary>
    /// True when the key may be synced: nothing was ever expected (or it was forgotten), everything expected was
    /// observed, or the expectation is older than <see cref="Timeout"/>.
    /// </summary>
    public bool Satisfied(string key, DateTime now)
    {
        lock (gate)
        {
            return !pendingByKey.TryGetValue(key, out var pending)
                || (pending.Creations <= 0 && pending.Deletions.Count == 0)
                || now - pending.SetAt > Timeout;
        }
    }

    /// <summary>Drops the key, for a deleted replica set.</summary>
    public void Forget(string key)
    {
        lock (gate)
        {
            pendingByKey.Remove(key);
        }
    }

    private sealed class Pending(int creations, HashSet<string> deletions, DateTime setAt)
    {
        public int Creations { get; set; } = creations;

        public HashSet<string> Deletions { get; } = deletions;

        public DateTime SetAt { get; } = setAt;
    }
}
