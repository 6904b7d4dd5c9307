using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// Ranks one feasible node. Without <see cref="IScoreNormalizer"/> the score must already lie in
/// 0..<see cref="MaxNodeScore"/>; the framework multiplies it by the plugin's weight.
/// </summary>
public interface IScorePlugin : IPlugin
{
    /// <summary>kube-scheduler's framework.MaxNodeScore.</summary>
    const long MaxNodeScore = 100;

    long Score(CycleState state, V1Pod pod, NodeInfo node);
}
