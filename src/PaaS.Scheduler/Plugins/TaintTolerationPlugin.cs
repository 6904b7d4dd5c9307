using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Filter: every NoSchedule and NoExecute taint of the node must be tolerated. Score: fewer untolerated
/// PreferNoSchedule taints is better; counts are normalised in reverse so the cleanest nodes get 100.
/// </summary>
internal sealed class TaintTolerationPlugin : IFilterPlugin, IPreScorePlugin, IScoreNormalizer
{
    public const string PluginName = "TaintToleration";

    public string Name => PluginName;

    /// <summary>Kubernetes' wording, e.g. "node(s) had untolerated taint {dedicated: gpu}".</summary>
    public static string UntoleratedReason(V1Taint taint) => $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}";

    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node) =>
        Tolerations.FirstUntoleratedHardTaint(node.Node, pod.Spec?.Tolerations) is { } taint
            ? PluginStatus.Unschedulable(UntoleratedReason(taint))
            : PluginStatus.Success;

    public PluginStatus PreScore(CycleState state, V1Pod pod, SchedulerSnapshot snapshot, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        // Only tolerations that can apply to PreferNoSchedule matter for the score.
        var relevant = (pod.Spec?.Tolerations ?? [])
            .Where(t => t is not null && (string.IsNullOrEmpty(t.Effect) || t.Effect == Tolerations.PreferNoSchedule))
            .ToList();
        state.Write(PluginName, new PreferTolerations(relevant));
        return PluginStatus.Success;
    }

    /// <summary>The raw score is the number of untolerated PreferNoSchedule taints; normalisation inverts it.</summary>
    public long Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var tolerations = state.Read<PreferTolerations>(PluginName).Tolerations;
        long count = 0;
        foreach (var taint in node.Node.Spec?.Taints ?? [])
        {
            if (taint is { Effect: Tolerations.PreferNoSchedule } && !Tolerations.AnyTolerates(tolerations, taint))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>DefaultNormalizeScore(reverse: true): 100 - 100 * count / maxCount, and 100 everywhere when no node has any.</summary>
    public void NormalizeScores(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
        long max = 0;
        foreach (var score in scores)
        {
            max = Math.Max(max, score);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = max == 0 ? IScorePlugin.MaxNodeScore : IScorePlugin.MaxNodeScore - (IScorePlugin.MaxNodeScore * scores[i] / max);
        }
    }

    private sealed record PreferTolerations(IList<V1Toleration> Tolerations);
}
