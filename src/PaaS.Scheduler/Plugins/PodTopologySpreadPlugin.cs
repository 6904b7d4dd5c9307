using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Spreads matching pods evenly over topology domains (zones, hosts, any node label). Hard constraints
/// (DoNotSchedule) filter: placing the pod in a domain must not leave it more than maxSkew above the least
/// loaded eligible domain. Soft ones (ScheduleAnyway) score, in PodTopologySpreadPlugin.Scoring.cs. Only the
/// pod's own constraints apply; Kubernetes' system default spreading is deliberately not implemented.
/// </summary>
internal sealed partial class PodTopologySpreadPlugin : IPreFilterPlugin, IFilterPlugin
{
    public const string PluginName = "PodTopologySpread";

    public const string ReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";

    public const string ReasonMissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)";

    public string Name => PluginName;

    /// <summary>Counts, per hard constraint, the matching pods in every eligible domain (including empty ones) once per cycle.</summary>
    public PluginStatus PreFilter(CycleState state, V1Pod pod, SchedulerSnapshot snapshot)
    {
        List<SpreadConstraint> constraints;
        try
        {
            constraints = SpreadConstraint.Of(pod, "DoNotSchedule");
        }
        catch (FormatException ex)
        {
            return PluginStatus.Error($"topology spread constraints: {ex.Message}");
        }

        if (constraints.Count == 0)
        {
            return PluginStatus.Skip;
        }

        var @namespace = pod.Metadata?.NamespaceProperty ?? "default";
        var counts = constraints.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        foreach (var node in snapshot.Nodes)
        {
            if (!SpreadConstraint.NodeHasAllKeys(node.Labels, constraints))
            {
                continue;
            }

            for (var i = 0; i < constraints.Count; i++)
            {
                if (constraints[i].IncludesNode(pod, node))
                {
                    var domain = node.Labels[constraints[i].TopologyKey];
                    counts[i][domain] = counts[i].GetValueOrDefault(domain) + constraints[i].CountMatchingPods(node, @namespace);
                }
            }
        }

        // With fewer eligible domains than minDomains, the missing ones count as empty: the global minimum is 0.
        var minimums = constraints
            .Select((c, i) => counts[i].Count == 0 || counts[i].Count < c.MinDomains ? 0 : counts[i].Values.Min())
            .ToArray();
        state.Write(PluginName, new FilterState(constraints, counts, minimums));
        return PluginStatus.Success;
    }

    /// <summary>Kubernetes' criterion: matching pods in the node's domain + 1 if the pod matches itself − global minimum ≤ maxSkew.</summary>
    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<FilterState>(PluginName);
        for (var i = 0; i < s.Constraints.Count; i++)
        {
            var constraint = s.Constraints[i];
            if (!node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
            {
                return PluginStatus.Unschedulable(ReasonMissingLabel);
            }

            var self = constraint.Selector.Matches(pod.Metadata?.Labels) ? 1 : 0;
            var skew = s.Counts[i].GetValueOrDefault(domain) + self - s.Minimums[i];
            if (skew > constraint.MaxSkew)
            {
                return PluginStatus.Unschedulable(ReasonConstraintsNotMatch);
            }
        }

        return PluginStatus.Success;
    }

    private sealed record FilterState(List<SpreadConstraint> Constraints, Dictionary<string, int>[] Counts, int[] Minimums);
}
