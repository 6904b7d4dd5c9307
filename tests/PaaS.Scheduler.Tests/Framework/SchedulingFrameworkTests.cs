using PaaS.Scheduler.Cache;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Framework;

public class SchedulingFrameworkTests
{
    private readonly SchedulingFramework framework = new(PluginRegistry.Default);

    [Fact]
    public void Schedule_NoNodeFits_CountsReasonsPerNodeInKubernetesFormat()
    {
        // Three labelled nodes are too small; two big ones lack the label the pod selects.
        var cache = new SchedulerCache();
        for (var i = 0; i < 3; i++)
        {
            var small = Make.Node($"small-{i}", cpu: "1");
            small.Metadata.Labels["disk"] = "ssd";
            cache.AddOrUpdateNode(small);
        }

        cache.AddOrUpdateNode(Make.Node("big-0", cpu: "8"));
        cache.AddOrUpdateNode(Make.Node("big-1", cpu: "8"));
        var pod = Make.Pod("p", cpu: "2");
        pod.Spec.NodeSelector = Make.Labels("disk=ssd");

        var result = framework.Schedule(pod, cache.Snapshot());

        Assert.Equal(ScheduleOutcome.Unschedulable, result.Outcome);
        Assert.Equal("0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu.", result.Message);
    }

    [Fact]
    public void Schedule_NodeShortOfTwoResources_CountsForEach()
    {
        var cache = new SchedulerCache();
        cache.AddOrUpdateNode(Make.Node("tiny", cpu: "1", memory: "1Gi"));
        cache.AddOrUpdateNode(Make.Node("no-memory", cpu: "8", memory: "1Gi"));

        var result = framework.Schedule(Make.Pod("p", cpu: "2", memory: "2Gi"), cache.Snapshot());

        Assert.Equal("0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", result.Message);
    }

    [Fact]
    public void Schedule_FirstFailingFilterDecidesTheNodesReason()
    {
        // A cordoned, full, not-ready node reports only "unschedulable": NodeUnschedulable runs first.
        var cache = new SchedulerCache();
        var node = Make.Node("n1", cpu: "1", ready: "False");
        node.Spec.Unschedulable = true;
        cache.AddOrUpdateNode(node);

        var result = framework.Schedule(Make.Pod("p", cpu: "2"), cache.Snapshot());

        Assert.Equal("0/1 nodes are available: 1 node(s) were unschedulable.", result.Message);
    }

    [Fact]
    public void Schedule_NoNodes_IsUnschedulable()
    {
        var result = framework.Schedule(Make.Pod("p"), new SchedulerCache().Snapshot());

        Assert.Equal(ScheduleOutcome.Unschedulable, result.Outcome);
        Assert.Equal("no nodes available to schedule pods", result.Message);
    }

    [Fact]
    public void Schedule_PreFilterRejects_ReportsItsMessageForAllNodes()
    {
        var registry = new PluginRegistry([new(new ScriptedPreFilterPlugin("Volumes", PluginStatus.Unschedulable("pod has unbound immediate PersistentVolumeClaims")))]);
        var snapshot = Make.Snapshot(Make.Info(Make.Node("a")), Make.Info(Make.Node("b")));

        var result = new SchedulingFramework(registry).Schedule(Make.Pod("p"), snapshot);

        Assert.Equal("0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.", result.Message);
    }

    [Fact]
    public void Schedule_FilterError_FailsTheCycle()
    {
        var registry = new PluginRegistry([new(new ScriptedFilterPlugin("Broken", _ => PluginStatus.Error("boom")))]);

        var result = new SchedulingFramework(registry).Schedule(Make.Pod("p"), Make.Snapshot(Make.Info(Make.Node("a"))));

        Assert.Equal(ScheduleOutcome.Error, result.Outcome);
        Assert.Contains("boom", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_PicksHighestWeightedTotal()
    {
        // "b" wins plugin One by 10 but loses plugin Two (weight 3) by 10: 3 × 10 outweighs 1 × 10.
        var registry = new PluginRegistry(
        [
            new(new ScriptedScorePlugin("One", n => n.Name == "b" ? 60 : 50), Weight: 1),
            new(new ScriptedScorePlugin("Two", n => n.Name == "b" ? 40 : 50), Weight: 3),
        ]);
        var snapshot = Make.Snapshot(Make.Info(Make.Node("a")), Make.Info(Make.Node("b")));

        Assert.Equal("a", new SchedulingFramework(registry).Schedule(Make.Pod("p"), snapshot).NodeName);
    }

    [Fact]
    public void Schedule_TiedScores_GoToTheFirstNodeNameWhateverTheOrder()
    {
        var snapshot = Make.Snapshot(Make.Info(Make.Node("node-c")), Make.Info(Make.Node("node-a")), Make.Info(Make.Node("node-b")));

        Assert.Equal("node-a", framework.Schedule(Make.Pod("p", cpu: "1"), snapshot).NodeName);
    }

    [Fact]
    public void Schedule_ScoreOutOfRange_IsAnError()
    {
        var registry = new PluginRegistry([new(new ScriptedScorePlugin("Wild", _ => 101), Weight: 1)]);
        var snapshot = Make.Snapshot(Make.Info(Make.Node("a")), Make.Info(Make.Node("b")));

        Assert.Equal(ScheduleOutcome.Error, new SchedulingFramework(registry).Schedule(Make.Pod("p"), snapshot).Outcome);
    }

    [Fact]
    public void Registry_ScorePluginWithoutWeight_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new PluginRegistry([new(new ScriptedScorePlugin("S", _ => 0))]));

    [Fact]
    public void Registry_Default_HasKubernetesWeights()
    {
        var weights = PluginRegistry.Default.ScorePlugins.ToDictionary(e => e.Plugin.Name, e => e.Weight);

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["TaintToleration"] = 3,
                ["PodTopologySpread"] = 2,
                ["NodeResourcesLeastAllocated"] = 1,
                ["NodeResourcesBalancedAllocation"] = 1,
            },
            weights);
    }
}
