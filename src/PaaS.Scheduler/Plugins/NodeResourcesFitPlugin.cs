using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// The pod's effective requests (max of containers' sum and init steps, plus overhead) must fit in what the node's
/// allocatable leaves after the requests of the pods already there, bound or assumed; and the node must have a pod
/// slot left. Limits and actual usage do not matter, as in Kubernetes.
/// </summary>
internal sealed class NodeResourcesFitPlugin : IPreFilterPlugin, IFilterPlugin
{
    public const string PluginName = "NodeResourcesFit";

    public const string ReasonTooManyPods = "Too many pods";
    public const string ReasonInsufficientCpu = "Insufficient cpu";
    public const string ReasonInsufficientMemory = "Insufficient memory";

    public string Name => PluginName;

    public PluginStatus PreFilter(CycleState state, V1Pod pod, SchedulerSnapshot snapshot)
    {
        try
        {
            state.Write(PluginName, new Requests(PodRequests.Of(pod.Spec, nonZero: false)));
            return PluginStatus.Success;
        }
        catch (FormatException ex)
        {
            return PluginStatus.Error($"pod requests: {ex.Message}");
        }
    }

    /// <summary>Reports every shortage, in Kubernetes' order (pods, cpu, memory); each counts in the fit error.</summary>
    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        var request = state.Read<Requests>(PluginName).Amounts;
        var free = node.Allocatable;
        var used = node.Requested;
        List<string>? reasons = null;
        if (used.Pods + 1 > free.Pods)
        {
            (reasons ??= []).Add(ReasonTooManyPods);
        }

        // A zero request fits anywhere, even on an overcommitted node.
        if (request.MilliCpu > 0 && request.MilliCpu > free.MilliCpu - used.MilliCpu)
        {
            (reasons ??= []).Add(ReasonInsufficientCpu);
        }

        if (request.Memory > 0 && request.Memory > free.Memory - used.Memory)
        {
            (reasons ??= []).Add(ReasonInsufficientMemory);
        }

        return reasons is null ? PluginStatus.Success : PluginStatus.Unschedulable([.. reasons]);
    }

    private sealed record Requests(ResourceAmounts Amounts);
}
