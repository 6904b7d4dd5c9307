using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Plugins;

/// <summary>
/// Prefers nodes whose cpu and memory would be used in the same proportion after placing the pod, so neither runs
/// out while the other idles: (1 − |cpuFraction − memoryFraction| / 2) × 100, each fraction capped at 1 — the
/// two-resource case of Kubernetes' 1 − standard deviation. Counts real requests (no defaults for unstated ones),
/// and skips best-effort pods, which request nothing and so cannot change any node's balance.
/// </summary>
internal sealed class NodeResourcesBalancedAllocationPlugin : IPreScorePlugin, IScorePlugin
{
    public const string PluginName = "NodeResourcesBalancedAllocation";

    public string Name => PluginName;

    public PluginStatus PreScore(CycleState state, V1Pod pod, SchedulerSnapshot snapshot, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        ResourceAmounts request;
        try
        {
            request = PodRequests.Of(pod.Spec, nonZero: false);
        }
        catch (FormatException ex)
        {
            return PluginStatus.Error($"pod requests: {ex.Message}");
        }

        if (request.MilliCpu == 0 && request.Memory == 0)
        {
            return PluginStatus.Skip;
        }

        state.Write(PluginName, new Requests(request));
        return PluginStatus.Success;
    }

    public long Score(CycleState state, V1Pod pod, NodeInfo node)
    {
        var request = state.Read<Requests>(PluginName).Amounts;
        var cpu = Fraction(node.Requested.MilliCpu + request.MilliCpu, node.Allocatable.MilliCpu);
        var memory = Fraction(node.Requested.Memory + request.Memory, node.Allocatable.Memory);

        // With one resource (or none) known there is nothing to balance: the deviation is 0.
        var deviation = cpu is { } c && memory is { } m ? Math.Abs(c - m) / 2 : 0;
        return (long)((1 - deviation) * IScorePlugin.MaxNodeScore);
    }

    private static double? Fraction(long requested, long allocatable) =>
        allocatable <= 0 ? null : Math.Min((double)requested / allocatable, 1);

    private sealed record Requests(ResourceAmounts Amounts);
}
