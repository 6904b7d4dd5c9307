using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// A score plugin whose raw scores (counts, say) only mean something relative to each other: after all nodes are
/// scored it maps them onto 0..<see cref="IScorePlugin.MaxNodeScore"/> (kube-scheduler's ScoreExtensions.NormalizeScore).
/// </summary>
public interface IScoreNormalizer : IScorePlugin
{
    /// <param name="scores">Raw scores, index-aligned with <paramref name="nodes"/>; rewritten in place.</param>
    void NormalizeScores(CycleState state, V1Pod pod, IReadOnlyList<NodeInfo> nodes, Span<long> scores);
}
