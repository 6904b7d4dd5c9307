using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Keeps pods off cordoned nodes (spec.unschedulable), unless the pod tolerates the taint a cordon stands for,
/// node.kubernetes.io/unschedulable:NoSchedule (DaemonSet pods do, to keep running on cordoned nodes).
/// </summary>
internal sealed class NodeUnschedulablePlugin : IFilterPlugin
{
    public const string PluginName = "NodeUnschedulable";

    public const string ReasonUnschedulable = "node(s) were unschedulable";

    private static readonly V1Taint UnschedulableTaint = new() { Key = "node.kubernetes.io/unschedulable", Effect = Tolerations.NoSchedule };

    public string Name => PluginName;

    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        if (node.Node.Spec?.Unschedulable != true || Tolerations.AnyTolerates(pod.Spec?.Tolerations, UnschedulableTaint))
        {
            return PluginStatus.Success;
        }

        return PluginStatus.Unschedulable(ReasonUnschedulable);
    }
}
