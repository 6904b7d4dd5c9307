using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Only nodes whose Ready condition is True take pods. Kubernetes gets this effect indirectly: the node lifecycle
/// controller taints a node node.kubernetes.io/not-ready (Ready False or missing) or node.kubernetes.io/unreachable
/// (Ready Unknown) with NoSchedule, and TaintToleration filters. Our platform has no such controller writing taints,
/// so this plugin reads the condition and applies the taint Kubernetes would have set: a pod tolerating it (for
/// instance a DaemonSet-style agent) still passes. The NoExecute tolerations every pod gets by default do not match.
/// </summary>
internal sealed class NodeReadyPlugin : IFilterPlugin
{
    public const string PluginName = "NodeReady";

    public const string ReasonNotReady = "node(s) were not ready";

    private static readonly V1Taint NotReadyTaint = new() { Key = "node.kubernetes.io/not-ready", Effect = Tolerations.NoSchedule };

    private static readonly V1Taint UnreachableTaint = new() { Key = "node.kubernetes.io/unreachable", Effect = Tolerations.NoSchedule };

    public string Name => PluginName;

    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var ready = node.Node.Status?.Conditions?.FirstOrDefault(c => c?.Type == "Ready")?.Status;
        if (ready == "True")
        {
            return PluginStatus.Success;
        }

        var taint = ready == "Unknown" ? UnreachableTaint : NotReadyTaint;
        return Tolerations.AnyTolerates(pod.Spec?.Tolerations, taint) ? PluginStatus.Success : PluginStatus.Unschedulable(ReasonNotReady);
    }
}
