using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>Runs once per pod after filtering, with the feasible nodes: precomputes scoring state, or skips its own Score.</summary>
public interface IPreScorePlugin : IPlugin
{
    PluginStatus PreScore(CycleState state, V1Pod pod, SchedulerSnapshot snapshot, IReadOnlyList<NodeInfo> feasibleNodes);
}
