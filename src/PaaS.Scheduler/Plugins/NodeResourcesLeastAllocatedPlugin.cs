using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Prefers the node with the most room left: 100 × (allocatable − requested) / allocatable for cpu and for memory,
/// averaged (equal weights), counting the pod itself. This is NodeResourcesFit's default LeastAllocated strategy;
/// like it, requests count kube-scheduler's defaults (100m, 200Mi) for containers that state none, otherwise
/// best-effort pods would all pile onto one node. A resource the node has none of is left out of the average.
/// </summary>
internal sealed class NodeResourcesLeastAllocatedPlugin : IPreScorePlugin, IScorePlugin
{
    public const string PluginName = "NodeResourcesLeastAllocated";

    public string Name => PluginName;

    public PluginStatus PreScore(CycleState state, V1Pod pod, SchedulerSnapshot snapshot, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        try
        {
            state.Write(PluginName, new Requests(PodRequests.Of(pod.Spec, nonZero: true)));
            return PluginStatus.Success;
        }
        catch (FormatException ex)
        {
            return PluginStatus.Error($"pod requests: {ex.Message}");
        }
    }

    public long Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var request = state.Read<Requests>(PluginName).Amounts;
        long sum = 0;
        long count = 0;
        if (node.Allocatable.MilliCpu > 0)
        {
            sum += LeastRequested(node.NonZeroRequested.MilliCpu + request.MilliCpu, node.Allocatable.MilliCpu);
            count++;
        }

        if (node.Allocatable.Memory > 0)
        {
            sum += LeastRequested(node.NonZeroRequested.Memory + request.Memory, node.Allocatable.Memory);
            count++;
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>leastRequestedScore: integer arithmetic as in Kubernetes, 0 once the node is full or overcommitted.</summary>
    internal static long LeastRequested(long requested, long capacity) =>
        requested > capacity ? 0 : (capacity - requested) * IScorePlugin.MaxNodeScore / capacity;

    private sealed record Requests(ResourceAmounts Amounts);
}
