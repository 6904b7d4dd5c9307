using k8s.Models;
using PaaS.Scheduler.Cache;
using PaaS.Scheduler.Framework;
using PaaS.Scheduler.Tests.Plugins;

namespace PaaS.Scheduler.Tests.Framework;

/// <summary>Cache and framework together, one pod at a time with AssumePod in between, as the scheduling loop runs them.</summary>
public class SpreadAndAssumeTests
{
    private readonly SchedulingFramework framework = new(PluginRegistry.Default);

    [Fact]
    public void NineReplicas_WithZoneSpread_Land3_3_3EvenWhenOneZoneHasMoreRoom()
    {
        // Zone a has two nodes, so LeastAllocated alone would favour it; the hard constraint keeps the zones even.
        var cache = ThreeZonesWithTwoNodesInA();

        var zones = ScheduleAll(cache, Enumerable.Range(0, 9).Select(i => Replica(i, "DoNotSchedule"))).Select(n => n[..1]);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 3, ["c"] = 3 }, zones.CountBy(z => z).ToDictionary());
    }

    [Fact]
    public void NineReplicas_WithoutAssume_WouldAllSeeTheSameEmptyCluster()
    {
        // The counter-check: without AssumePod every decision sees the same snapshot and picks the same node.
        var cache = new SchedulerCache();
        cache.AddOrUpdateNode(Make.Node("a1", zone: "a"));
        cache.AddOrUpdateNode(Make.Node("b1", zone: "b"));
        cache.AddOrUpdateNode(Make.Node("c1", zone: "c"));

        var nodes = Enumerable.Range(0, 9).Select(i => framework.Schedule(Replica(i, "DoNotSchedule"), cache.Snapshot()).NodeName).Distinct();

        Assert.Single(nodes);
    }

    [Fact]
    public void NineReplicas_WithSoftZoneSpread_Land3_3_3EvenWhenOneZoneHasMoreRoom()
    {
        // Per node, LeastAllocated would put 4 or 5 of the 9 in zone a; the spread score (weight 2) outweighs it.
        var cache = ThreeZonesWithTwoNodesInA();

        var zones = ScheduleAll(cache, Enumerable.Range(0, 9).Select(i => Replica(i, "ScheduleAnyway"))).Select(n => n[..1]);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 3, ["c"] = 3 }, zones.CountBy(z => z).ToDictionary());
    }

    [Fact]
    public void AssumedPod_TakesItsResourcesUntilForgotten()
    {
        var cache = new SchedulerCache();
        cache.AddOrUpdateNode(Make.Node("n1", cpu: "2"));
        var first = Make.Pod("first", cpu: "1500m");
        var second = Make.Pod("second", cpu: "1500m");

        Assert.True(cache.AssumePod(first, framework.Schedule(first, cache.Snapshot()).NodeName!));
        var blocked = framework.Schedule(second, cache.Snapshot());
        cache.ForgetPod(first);
        var afterForget = framework.Schedule(second, cache.Snapshot());

        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu.", blocked.Message);
        Assert.Equal("n1", afterForget.NodeName);
    }

    [Fact]
    public void BestEffortPods_SpreadOverIdenticalNodes()
    {
        // No requests at all: LeastAllocated's default requests still make each placement count.
        var cache = new SchedulerCache();
        cache.AddOrUpdateNode(Make.Node("n1"));
        cache.AddOrUpdateNode(Make.Node("n2"));

        var nodes = ScheduleAll(cache, Enumerable.Range(0, 4).Select(i => Make.Pod($"p{i}")));

        Assert.Equal(["n1", "n2", "n1", "n2"], nodes);
    }

    private List<string> ScheduleAll(SchedulerCache cache, IEnumerable<V1Pod> pods)
    {
        var placed = new List<string>();
        foreach (var pod in pods)
        {
            var result = framework.Schedule(pod, cache.Snapshot());
            Assert.True(result.Outcome == ScheduleOutcome.Scheduled, result.Message);
            Assert.True(cache.AssumePod(pod, result.NodeName!));
            placed.Add(result.NodeName!);
        }

        return placed;
    }

    // Node names start with their zone's name.
    private static SchedulerCache ThreeZonesWithTwoNodesInA()
    {
        var cache = new SchedulerCache();
        cache.AddOrUpdateNode(Make.Node("a1", zone: "a"));
        cache.AddOrUpdateNode(Make.Node("a2", zone: "a"));
        cache.AddOrUpdateNode(Make.Node("b1", zone: "b"));
        cache.AddOrUpdateNode(Make.Node("c1", zone: "c"));
        return cache;
    }

    private static V1Pod Replica(int i, string whenUnsatisfiable)
    {
        var pod = PodTopologySpreadPluginTests.Spreading($"web-{i}", whenUnsatisfiable);
        pod.Spec.Containers[0].Resources.Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") };
        return pod;
    }
}
