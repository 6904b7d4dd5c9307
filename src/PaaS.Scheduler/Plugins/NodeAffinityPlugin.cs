using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Filters by spec.nodeSelector and required node affinity (see <see cref="RequiredNodeAffinity"/>). Preferred
/// node affinity is not scored yet.
/// </summary>
internal sealed class NodeAffinityPlugin : IPreFilterPlugin, IFilterPlugin
{
    public const string PluginName = "NodeAffinity";

    public const string ReasonNodeAffinity = "node(s) didn't match Pod's node affinity/selector";

    public string Name => PluginName;

    public PluginStatus PreFilter(CycleState state, V1Pod pod, SchedulerSnapshot snapshot) =>
        RequiredNodeAffinity.HasConstraints(pod) ? PluginStatus.Success : PluginStatus.Skip;

    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node) =>
        RequiredNodeAffinity.Matches(pod, node.Node) ? PluginStatus.Success : PluginStatus.Unschedulable(ReasonNodeAffinity);
}
