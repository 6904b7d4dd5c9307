using PaaS.Scheduler.Cache;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Cache;

public class SchedulerCacheTests
{
    private readonly SchedulerCache cache = new();

    public SchedulerCacheTests()
    {
        cache.AddOrUpdateNode(Make.Node("n1", cpu: "4", memory: "8Gi"));
        cache.AddOrUpdateNode(Make.Node("n2", cpu: "4", memory: "8Gi"));
    }

    [Fact]
    public void AddOrUpdatePod_BoundPod_SumsItsRequestsOnItsNode()
    {
        cache.AddOrUpdatePod(Make.Pod("a", cpu: "500m", memory: "1Gi", nodeName: "n1"));
        cache.AddOrUpdatePod(Make.Pod("b", cpu: "250m", nodeName: "n1"));

        Assert.Equal(new ResourceAmounts(750, 1L << 30, 2), Node("n1").Requested);
        Assert.Equal(ResourceAmounts.Zero, Node("n2").Requested);
    }

    [Fact]
    public void AddOrUpdatePod_SamePodTwice_CountsOnce()
    {
        var pod = Make.Pod("a", cpu: "1", nodeName: "n1");
        cache.AddOrUpdatePod(pod);
        cache.AddOrUpdatePod(pod);

        Assert.Equal(new ResourceAmounts(1000, 0, 1), Node("n1").Requested);
    }

    [Fact]
    public void AddOrUpdatePod_UnboundPod_IsNotCounted()
    {
        cache.AddOrUpdatePod(Make.Pod("pending", cpu: "1"));

        Assert.Equal(0, cache.PodCount);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public void AddOrUpdatePod_FinishedPod_StopsCounting(string phase)
    {
        var pod = Make.Pod("job", cpu: "1", nodeName: "n1");
        cache.AddOrUpdatePod(pod);
        pod.Status.Phase = phase;
        cache.AddOrUpdatePod(pod);

        Assert.Equal(ResourceAmounts.Zero, Node("n1").Requested);
    }

    [Fact]
    public void AddOrUpdatePod_PodMovedOrResized_IsCountedOnlyWhereItIsNow()
    {
        cache.AddOrUpdatePod(Make.Pod("a", cpu: "1", nodeName: "n1"));
        cache.AddOrUpdatePod(Make.Pod("a", cpu: "2", nodeName: "n2"));

        Assert.Equal(ResourceAmounts.Zero, Node("n1").Requested);
        Assert.Equal(new ResourceAmounts(2000, 0, 1), Node("n2").Requested);
    }

    [Fact]
    public void AddOrUpdatePod_PodBeforeItsNode_CountsOnceTheNodeArrives()
    {
        cache.AddOrUpdatePod(Make.Pod("early", cpu: "1", nodeName: "n3"));
        Assert.Null(cache.Snapshot().FindNode("n3"));

        cache.AddOrUpdateNode(Make.Node("n3"));

        Assert.Equal(1000, Node("n3").Requested.MilliCpu);
    }

    [Fact]
    public void RemoveNode_LeavesSnapshots_ButKeepsItsPodsForItsReturn()
    {
        cache.AddOrUpdatePod(Make.Pod("a", cpu: "1", nodeName: "n1"));

        Assert.True(cache.RemoveNode("n1"));
        Assert.Equal(["n2"], cache.Snapshot().Nodes.Select(n => n.Name));

        cache.AddOrUpdateNode(Make.Node("n1"));
        Assert.Equal(1000, Node("n1").Requested.MilliCpu);
    }

    [Fact]
    public void RemovePod_ByObjectOrName_StopsCounting()
    {
        var a = Make.Pod("a", cpu: "1", nodeName: "n1");
        cache.AddOrUpdatePod(a);
        cache.AddOrUpdatePod(Make.Pod("b", cpu: "1", nodeName: "n1", ns: "team"));

        Assert.True(cache.RemovePod(a));
        Assert.True(cache.RemovePod("team", "b"));
        Assert.False(cache.RemovePod("team", "b"));
        Assert.Equal(ResourceAmounts.Zero, Node("n1").Requested);
    }

    [Fact]
    public void RemovePod_StaleDeleteOfEarlierIncarnation_IsIgnored()
    {
        var old = Make.Pod("a", cpu: "1", nodeName: "n1");
        var replacement = Make.Pod("a", cpu: "1", nodeName: "n1");
        replacement.Metadata.Uid = "new-uid";
        cache.AddOrUpdatePod(replacement);

        Assert.False(cache.RemovePod(old));
        Assert.Equal(1, Node("n1").Requested.Pods);
    }

    [Fact]
    public void AssumePod_CountsAtOnce_AndTheBoundEventReplacesItWithoutDoubleCounting()
    {
        var pod = Make.Pod("a", cpu: "1");
        Assert.True(cache.AssumePod(pod, "n1"));
        Assert.Equal(1000, Node("n1").Requested.MilliCpu);

        var bound = Make.Pod("a", cpu: "1", nodeName: "n1");
        cache.AddOrUpdatePod(bound);

        Assert.Equal(1000, Node("n1").Requested.MilliCpu);
        Assert.False(cache.IsAssumed("default", "a"));
        Assert.False(cache.ForgetPod(bound));
    }

    [Fact]
    public void AssumePod_AlreadyKnownPod_IsRefused()
    {
        cache.AddOrUpdatePod(Make.Pod("a", nodeName: "n1"));

        Assert.False(cache.AssumePod(Make.Pod("a"), "n2"));
        Assert.Equal(0, Node("n2").Requested.Pods);
    }

    [Fact]
    public void AddOrUpdatePod_UnboundUpdateOfAssumedPod_KeepsTheAssumption()
    {
        var pod = Make.Pod("a", cpu: "1");
        cache.AssumePod(pod, "n1");
        cache.AddOrUpdatePod(pod);

        Assert.True(cache.IsAssumed("default", "a"));
        Assert.Equal(1000, Node("n1").Requested.MilliCpu);
    }

    [Fact]
    public void ForgetPod_AssumedPod_ReleasesItsResources()
    {
        var pod = Make.Pod("a", cpu: "1");
        cache.AssumePod(pod, "n1");

        Assert.True(cache.ForgetPod(pod));
        Assert.Equal(ResourceAmounts.Zero, Node("n1").Requested);
    }

    [Fact]
    public void Snapshot_WithoutChanges_IsTheSameInstance() => Assert.Same(cache.Snapshot(), cache.Snapshot());

    [Fact]
    public void Snapshot_AfterAChangeOnOneNode_ReusesEveryOtherNodeInfo()
    {
        var before = cache.Snapshot();
        cache.AddOrUpdatePod(Make.Pod("a", cpu: "1", nodeName: "n1"));
        var after = cache.Snapshot();

        Assert.NotSame(before.FindNode("n1"), after.FindNode("n1"));
        Assert.Same(before.FindNode("n2"), after.FindNode("n2"));
        Assert.True(after.Generation > before.Generation);
        Assert.Equal(0, before.FindNode("n1")!.Requested.Pods);
    }

    [Fact]
    public void Snapshot_ListsNodesZoneByZoneInTurn()
    {
        var zoned = new SchedulerCache();
        foreach (var (name, zone) in new[] { ("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b"), ("c1", "c"), ("c2", "c") })
        {
            zoned.AddOrUpdateNode(Make.Node(name, zone: zone));
        }

        Assert.Equal(["a1", "b1", "c1", "a2", "c2", "a3"], zoned.Snapshot().Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Snapshot_NodeLabelsAndPodLabels_AreCarried()
    {
        cache.AddOrUpdatePod(Make.Pod("web", nodeName: "n1", labels: Make.Labels("app=web")));

        var pod = Assert.Single(Node("n1").Pods);
        Assert.Equal("web", pod.Labels["app"]);
        Assert.Equal("n1", Node("n1").Labels["kubernetes.io/hostname"]);
    }

    [Fact]
    public async Task ConcurrentEventsAndSnapshots_LeaveConsistentTotals()
    {
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var pod = Make.Pod($"w{w}-{i}", cpu: "1m", nodeName: i % 2 == 0 ? "n1" : "n2");
                cache.AddOrUpdatePod(pod);
                _ = cache.Snapshot();
                if (i % 5 == 0)
                {
                    cache.RemovePod(pod);
                }
            }
        }));
        await Task.WhenAll(writers);

        // 4 writers × 500 pods, one in five removed again.
        var snapshot = cache.Snapshot();
        Assert.Equal(1600, snapshot.Nodes.Sum(n => n.Requested.Pods));
        Assert.Equal(1600, snapshot.Nodes.Sum(n => n.Requested.MilliCpu));
        Assert.Equal(1600, cache.PodCount);
    }

    private NodeInfo Node(string name) => cache.Snapshot().FindNode(name) ?? throw new InvalidOperationException(name);
}
