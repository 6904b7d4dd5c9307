using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Cache;

/// <summary>
/// The scheduler's picture of the cluster, fed by node and pod events: which pods sit on which node, including
/// pods the scheduler has assumed onto a node while their binding is in flight, so the next decision already sees
/// those resources taken. Thread-safe. <see cref="Snapshot"/> is cheap: untouched nodes keep their immutable
/// <see cref="NodeInfo"/>, and when nothing changed at all the previous snapshot itself is returned.
/// Events are level-style and idempotent: applying the same object twice changes nothing.
/// </summary>
public sealed class SchedulerCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, NodeEntry> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodRecord> pods = new(StringComparer.Ordinal);

    private NodeEntry[]? order;
    private SchedulerSnapshot? snapshot;
    private long generation;

    /// <summary>Number of pods held (bound and assumed), for diagnostics.</summary>
    public int PodCount
    {
        get
        {
            lock (gate)
            {
                return pods.Count;
            }
        }
    }

    /// <summary>Adds or replaces a node. The object is kept by reference; do not modify it afterwards.</summary>
    public void AddOrUpdateNode(V1Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node.Metadata?.Name;
        ArgumentException.ThrowIfNullOrEmpty(name, nameof(node));
        lock (gate)
        {
            var entry = EntryFor(name);
            var wasKnown = entry.Node is not null;
            if (entry.SetNode(node) || !wasKnown)
            {
                order = null;
            }

            Changed();
        }
    }

    /// <summary>
    /// Removes a node from snapshots. Its pods stay accounted to it until their own delete events arrive, so a node
    /// that comes back (or a pod event racing the node's) finds them.
    /// </summary>
    public bool RemoveNode(string name)
    {
        lock (gate)
        {
            if (!nodes.TryGetValue(name, out var entry) || entry.Node is null)
            {
                return false;
            }

            entry.SetNode(null);
            DropIfEmpty(name, entry);
            order = null;
            Changed();
            return true;
        }
    }

    /// <summary>
    /// Applies a pod event. A pod counts on spec.nodeName while it is not Succeeded or Failed; a pod that moved
    /// is taken off its old node; a bound pod replaces the assumption made for it. An unbound copy of an assumed
    /// pod (an update that overtook the binding) leaves the assumption alone.
    /// </summary>
    public void AddOrUpdatePod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var key = PodInfo.KeyOf(pod);
        var nodeName = pod.Spec?.NodeName;
        var finished = pod.Status?.Phase is "Succeeded" or "Failed";
        lock (gate)
        {
            if (finished || string.IsNullOrEmpty(nodeName))
            {
                if (!finished && pods.TryGetValue(key, out var existing) && existing.Assumed)
                {
                    return;
                }

                RemoveLocked(key);
                return;
            }

            PlaceLocked(key, nodeName, PodInfo.FromPod(pod), assumed: false);
        }
    }

    /// <summary>
    /// Removes a deleted pod. Ignored when the cache holds a different incarnation (another uid) under that name,
    /// so a late delete of an old pod cannot remove its replacement.
    /// </summary>
    public bool RemovePod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var key = PodInfo.KeyOf(pod);
        lock (gate)
        {
            if (pods.TryGetValue(key, out var existing)
                && !string.IsNullOrEmpty(pod.Metadata?.Uid) && !string.IsNullOrEmpty(existing.Info.Uid)
                && existing.Info.Uid != pod.Metadata.Uid)
            {
                return false;
            }

            return RemoveLocked(key);
        }
    }

    /// <summary>Removes a deleted pod by name, whatever its uid.</summary>
    public bool RemovePod(string @namespace, string name)
    {
        lock (gate)
        {
            return RemoveLocked(@namespace + "/" + name);
        }
    }

    /// <summary>
    /// Counts the pod on <paramref name="nodeName"/> before its binding is stored, like kube-scheduler's AssumePod.
    /// False when the cache already holds the pod (bound or assumed). The assumption lasts until a bound copy of
    /// the pod arrives through <see cref="AddOrUpdatePod"/>, the pod is removed, or <see cref="ForgetPod"/> is called
    /// (the caller's duty when binding fails): there is no expiry, as in current kube-scheduler.
    /// </summary>
    public bool AssumePod(V1Pod pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        var key = PodInfo.KeyOf(pod);
        lock (gate)
        {
            if (pods.ContainsKey(key))
            {
                return false;
            }

            PlaceLocked(key, nodeName, PodInfo.FromPod(pod), assumed: true);
            return true;
        }
    }

    /// <summary>Drops an assumption whose binding failed. False (and no change) when the pod is not assumed, e.g. already bound.</summary>
    public bool ForgetPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var key = PodInfo.KeyOf(pod);
        lock (gate)
        {
            return pods.TryGetValue(key, out var existing) && existing.Assumed && RemoveLocked(key);
        }
    }

    /// <summary>True when the pod is held as assumed (binding in flight).</summary>
    public bool IsAssumed(string @namespace, string name)
    {
        lock (gate)
        {
            return pods.TryGetValue(@namespace + "/" + name, out var record) && record.Assumed;
        }
    }

    /// <summary>True when the pod is held on <paramref name="nodeName"/>, bound or assumed.</summary>
    public bool Holds(string @namespace, string name, string nodeName)
    {
        lock (gate)
        {
            return pods.TryGetValue(@namespace + "/" + name, out var record) && record.NodeName == nodeName;
        }
    }

    /// <summary>
    /// An immutable view for one scheduling cycle. Costs one array of references plus a rebuild of each node that
    /// changed since the last call; with no change in between it returns the same instance.
    /// </summary>
    public SchedulerSnapshot Snapshot()
    {
        lock (gate)
        {
            if (snapshot is not null)
            {
                return snapshot;
            }

            order ??= NodeOrder.Interleave(nodes.Where(n => n.Value.Node is not null).Select(n => (n.Key, n.Value)));
            var infos = new NodeInfo[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                infos[i] = order[i].Info();
            }

            snapshot = new SchedulerSnapshot(infos, generation);
            return snapshot;
        }
    }

    private void PlaceLocked(string key, string nodeName, PodInfo info, bool assumed)
    {
        if (pods.TryGetValue(key, out var previous) && previous.NodeName != nodeName)
        {
            RemoveFromNode(key, previous.NodeName);
        }

        EntryFor(nodeName).AddPod(key, info);
        pods[key] = new PodRecord(nodeName, info, assumed);
        Changed();
    }

    private bool RemoveLocked(string key)
    {
        if (!pods.Remove(key, out var record))
        {
            return false;
        }

        RemoveFromNode(key, record.NodeName);
        Changed();
        return true;
    }

    private void RemoveFromNode(string key, string nodeName)
    {
        if (nodes.TryGetValue(nodeName, out var entry))
        {
            entry.RemovePod(key);
            DropIfEmpty(nodeName, entry);
        }
    }

    private NodeEntry EntryFor(string nodeName)
    {
        if (!nodes.TryGetValue(nodeName, out var entry))
        {
            entry = new NodeEntry();
            nodes.Add(nodeName, entry);
        }

        return entry;
    }

    private void DropIfEmpty(string nodeName, NodeEntry entry)
    {
        if (entry.Node is null && entry.Pods.Count == 0)
        {
            nodes.Remove(nodeName);
        }
    }

    private void Changed()
    {
        generation++;
        snapshot = null;
    }

    private sealed record PodRecord(string NodeName, PodInfo Info, bool Assumed);
}
