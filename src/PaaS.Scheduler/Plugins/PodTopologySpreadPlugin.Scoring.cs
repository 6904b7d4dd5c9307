using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Soft constraints (ScheduleAnyway) as a score, following kube-scheduler: a node's raw score is, per constraint,
/// matching pods in its domain × log(domains + 2) + (maxSkew − 1); fewer is better, so normalisation maps the
/// lowest raw score to 100. Feasible nodes lacking a topology key score 0.
/// </summary>
internal sealed partial class PodTopologySpreadPlugin : IPreScorePlugin, IScoreNormalizer
{
    private const string ScoreStateKey = PluginName + "/score";

    public PluginStatus PreScore(CycleState state, V1Pod pod, SchedulerSnapshot snapshot, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        List<SpreadConstraint> constraints;
        try
        {
            constraints = SpreadConstraint.Of(pod, "ScheduleAnyway");
        }
        catch (FormatException ex)
        {
            return PluginStatus.Error($"topology spread constraints: {ex.Message}");
        }

        if (constraints.Count == 0)
        {
            return PluginStatus.Skip;
        }

        var ignored = new HashSet<string>(StringComparer.Ordinal);
        var counts = constraints.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        foreach (var node in feasibleNodes)
        {
            if (!SpreadConstraint.NodeHasAllKeys(node.Labels, constraints))
            {
                ignored.Add(node.Name);
                continue;
            }

            // Only domains that hold a candidate node are worth counting; per-host counts are taken in Score.
            for (var i = 0; i < constraints.Count; i++)
            {
                if (constraints[i].TopologyKey != SpreadConstraint.HostnameKey)
                {
                    counts[i].TryAdd(node.Labels[constraints[i].TopologyKey], 0);
                }
            }
        }

        // More domains make each pod in a domain weigh more, so constraints over many domains are not drowned out.
        var weights = constraints
            .Select((c, i) => Math.Log((c.TopologyKey == SpreadConstraint.HostnameKey ? feasibleNodes.Count - ignored.Count : counts[i].Count) + 2))
            .ToArray();

        var @namespace = pod.Metadata?.NamespaceProperty ?? "default";
        foreach (var node in snapshot.Nodes)
        {
            if (!SpreadConstraint.NodeHasAllKeys(node.Labels, constraints))
            {
                continue;
            }

            for (var i = 0; i < constraints.Count; i++)
            {
                if (constraints[i].IncludesNode(pod, node) && counts[i].TryGetValue(node.Labels[constraints[i].TopologyKey], out var sum))
                {
                    counts[i][node.Labels[constraints[i].TopologyKey]] = sum + constraints[i].CountMatchingPods(node, @namespace);
                }
            }
        }

        state.Write(ScoreStateKey, new ScoreState(constraints, counts, weights, ignored, @namespace));
        return PluginStatus.Success;
    }

    public long Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var s = state.Read<ScoreState>(ScoreStateKey);
        if (s.Ignored.Contains(node.Name))
        {
            return 0;
        }

        double score = 0;
        for (var i = 0; i < s.Constraints.Count; i++)
        {
            var constraint = s.Constraints[i];
            if (node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
            {
                var count = constraint.TopologyKey == SpreadConstraint.HostnameKey
                    ? constraint.CountMatchingPods(node, s.Namespace)
                    : s.Counts[i].GetValueOrDefault(domain);
                score += (count * s.Weights[i]) + (constraint.MaxSkew - 1);
            }
        }

        // Go's math.Round rounds halves away from zero.
        return (long)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    /// <summary>100 × (max + min − score) / max: the least crowded node gets 100; all equal at 0 means all 100.</summary>
    public void NormalizeScores(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
        var s = state.Read<ScoreState>(ScoreStateKey);
        var min = long.MaxValue;
        long max = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!s.Ignored.Contains(nodes[i].Name))
            {
                min = Math.Min(min, scores[i]);
                max = Math.Max(max, scores[i]);
            }
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (s.Ignored.Contains(nodes[i].Name))
            {
                scores[i] = 0;
            }
            else
            {
                scores[i] = max == 0 ? IScorePlugin.MaxNodeScore : IScorePlugin.MaxNodeScore * (max + min - scores[i]) / max;
            }
        }
    }

    private sealed record ScoreState(
        List<SpreadConstraint> Constraints, Dictionary<string, long>[] Counts, double[] Weights, HashSet<string> Ignored, string Namespace);
}
