using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>Decides whether the pod may run on one node. Called for up to every node per cycle, so it must be cheap.</summary>
public interface IFilterPlugin : IPlugin
{
    PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node);
}
