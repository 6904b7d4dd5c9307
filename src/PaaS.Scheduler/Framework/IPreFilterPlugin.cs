using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>Runs once per pod before any node is filtered: precomputes state, rejects the pod outright, or skips its own Filter.</summary>
public interface IPreFilterPlugin : IPlugin
{
    PluginStatus PreFilter(CycleState state, V1Pod pod, SchedulerSnapshot snapshot);
}
