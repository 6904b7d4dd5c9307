using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Framework;

/// <summary>The framework's use of <see cref="NodeSampling"/>: stop early, keep looking when nodes fail, rotate the start.</summary>
public class SamplingTests
{
    [Fact]
    public void Schedule_ThousandFeasibleNodes_FiltersAndScoresOnlyTheAdaptiveShare()
    {
        var snapshot = Nodes(1000);

        var result = new SchedulingFramework(PluginRegistry.Default).Schedule(Make.Pod("p"), snapshot);

        Assert.Equal(ScheduleOutcome.Scheduled, result.Outcome);
        Assert.Equal(420, result.EvaluatedNodes);
        Assert.Equal(420, result.FeasibleNodes);
    }

    [Fact]
    public void Schedule_FewFeasibleNodes_SearchesUntilTheEnd()
    {
        var snapshot = Nodes(1000);
        var pod = Make.Pod("p");
        pod.Spec.NodeSelector = Make.Labels("kubernetes.io/hostname=node-0997");

        var result = new SchedulingFramework(PluginRegistry.Default).Schedule(pod, snapshot);

        Assert.Equal("node-0997", result.NodeName);
        Assert.Equal(1000, result.EvaluatedNodes);
    }

    [Fact]
    public void Schedule_FixedPercentage_IsHonoured()
    {
        var result = new SchedulingFramework(PluginRegistry.Default, percentageOfNodesToScore: 100).Schedule(Make.Pod("p"), Nodes(300));

        Assert.Equal(300, result.FeasibleNodes);
    }

    [Fact]
    public void Schedule_ConsecutiveSampledCycles_StartWhereThePreviousStopped()
    {
        var recorder = new ScriptedFilterPlugin("Recorder", _ => PluginStatus.Success);
        var framework = new SchedulingFramework(new PluginRegistry([new(recorder)]));
        var snapshot = Nodes(250);

        framework.Schedule(Make.Pod("p1"), snapshot);
        var first = recorder.Seen.ToList();
        recorder.Seen.Clear();
        framework.Schedule(Make.Pod("p2"), snapshot);

        // 250 nodes: 50% - 2 = 48%, so 120 nodes per cycle.
        Assert.Equal(120, first.Count);
        Assert.Equal(120, recorder.Seen.Count);
        Assert.Empty(first.Intersect(recorder.Seen));
        Assert.Equal(snapshot.Nodes[120].Name, recorder.Seen[0]);
    }

    private static SchedulerSnapshot Nodes(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => Make.Info(Make.Node($"node-{i:D4}")))]);
}
