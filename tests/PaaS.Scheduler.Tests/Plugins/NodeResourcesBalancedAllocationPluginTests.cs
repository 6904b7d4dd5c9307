using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeResourcesBalancedAllocationPluginTests
{
    private readonly NodeResourcesBalancedAllocationPlugin plugin = new();

    [Fact]
    public void Score_UnevenUse_LosesHalfTheFractionGap()
    {
        // cpu 2/4 = 0.5, memory 2Gi/8Gi = 0.25: (1 - 0.25 / 2) × 100 = 87.5 → 87.
        var node = Make.Info(Make.Node("n1", cpu: "4", memory: "8Gi"));

        Assert.Equal([87L], PluginRunner.Scores(plugin, Make.Pod("p", cpu: "2", memory: "2Gi"), node));
    }

    [Fact]
    public void Score_PodEvensOutTheNode_ScoresHigherThanWhereItSkewsIt()
    {
        // cpu-heavy: cpu 2/4 and memory 4Gi/8Gi, both 0.5 → 100. mem-heavy: cpu 0, memory 10Gi/8Gi capped at 1 → 50.
        var cpuHeavy = Make.Info(Make.Node("cpu-heavy", cpu: "4", memory: "8Gi"), Make.Pod("a", cpu: "2", nodeName: "cpu-heavy"));
        var memoryHeavy = Make.Info(Make.Node("mem-heavy", cpu: "4", memory: "8Gi"), Make.Pod("b", memory: "6Gi", nodeName: "mem-heavy"));

        var scores = PluginRunner.Scores(plugin, Make.Pod("p", memory: "4Gi"), cpuHeavy, memoryHeavy);

        Assert.Equal(100L, scores[0]);
        Assert.Equal(50L, scores[1]);
    }

    [Fact]
    public void Score_FractionsAreCappedAtOne()
    {
        // cpu 8/4 → 1 (not 2), memory 0: (1 - 1/2) × 100 = 50.
        var node = Make.Info(Make.Node("n1", cpu: "4", memory: "8Gi"));

        Assert.Equal([50L], PluginRunner.Scores(plugin, Make.Pod("p", cpu: "8"), node));
    }

    [Fact]
    public void PreScore_BestEffortPod_SkipsScoring() =>
        Assert.True(PluginRunner.SkipsScoring(plugin, Make.Pod("p"), Make.Info(Make.Node("n1"))));
}
