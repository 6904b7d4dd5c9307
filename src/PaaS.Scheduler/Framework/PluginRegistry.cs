using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// The plugins a framework runs, in order, with their score weights. <see cref="Default"/> is the one place that
/// lists every plugin. Order matters for filters: a node reports only the first filter it fails, as in Kubernetes.
/// </summary>
public sealed class PluginRegistry
{
    public PluginRegistry(IEnumerable<PluginEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
        var duplicate = Entries.GroupBy(e => e.Plugin.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"plugin \"{duplicate.Key}\" is registered twice", nameof(entries));
        }

        if (Entries.FirstOrDefault(e => e.Plugin is IScorePlugin && e.Weight <= 0) is { } unweighted)
        {
            throw new ArgumentException($"score plugin \"{unweighted.Plugin.Name}\" needs a positive weight", nameof(entries));
        }

        PreFilterPlugins = Entries.Select(e => e.Plugin).OfType<IPreFilterPlugin>().ToArray();
        FilterPlugins = Entries.Select(e => e.Plugin).OfType<IFilterPlugin>().ToArray();
        PreScorePlugins = Entries.Select(e => e.Plugin).OfType<IPreScorePlugin>().ToArray();
        ScorePlugins = Entries.Where(e => e.Plugin is IScorePlugin).ToArray();
    }

    /// <summary>
    /// Kubernetes' default filter order (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit,
    /// PodTopologySpread) with NodeReady after NodeUnschedulable, where the not-ready taint would act; and
    /// kube-scheduler's default score weights: TaintToleration 3, PodTopologySpread 2, resources 1 each.
    /// </summary>
    public static PluginRegistry Default { get; } = new(
    [
        new(new NodeUnschedulablePlugin()),
        new(new NodeReadyPlugin()),
        new(new TaintTolerationPlugin(), Weight: 3),
        new(new NodeAffinityPlugin()),
        new(new NodeResourcesFitPlugin()),
        new(new PodTopologySpreadPlugin(), Weight: 2),
        new(new NodeResourcesLeastAllocatedPlugin(), Weight: 1),
        new(new NodeResourcesBalancedAllocationPlugin(), Weight: 1),
    ]);

    public IReadOnlyList<PluginEntry> Entries { get; }

    public IReadOnlyList<IPreFilterPlugin> PreFilterPlugins { get; }

    public IReadOnlyList<IFilterPlugin> FilterPlugins { get; }

    public IReadOnlyList<IPreScorePlugin> PreScorePlugins { get; }

    /// <summary>The score plugins with their weights; every <see cref="PluginEntry.Plugin"/> here is an <see cref="IScorePlugin"/>.</summary>
    public IReadOnlyList<PluginEntry> ScorePlugins { get; }
}
