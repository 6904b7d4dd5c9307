namespace PaaS.Scheduler.Framework;

/// <summary>
/// An immutable picture of the cluster for one scheduling cycle. Nodes come zone by zone in turn (as
/// kube-scheduler's node tree lists them) so that a sampled search still sees every zone.
/// </summary>
public sealed class SchedulerSnapshot
{
    private readonly Lazy<Dictionary<string, NodeInfo>> byName;

    public SchedulerSnapshot(IReadOnlyList<NodeInfo> nodes, long generation = 0)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = nodes;
        Generation = generation;
        byName = new Lazy<Dictionary<string, NodeInfo>>(() => Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal));
    }

    public static SchedulerSnapshot Empty { get; } = new([]);

    public IReadOnlyList<NodeInfo> Nodes { get; }

    /// <summary>Increases with every change the cache saw; equal generations from one cache mean the same picture.</summary>
    public long Generation { get; }

    public NodeInfo? FindNode(string name) => byName.Value.GetValueOrDefault(name);
}
