using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeResourcesLeastAllocatedPluginTests
{
    private readonly NodeResourcesLeastAllocatedPlugin plugin = new();

    [Fact]
    public void Score_AveragesFreeShareOfCpuAndMemory_CountingThePod()
    {
        // cpu: (4000 - 1000 - 1000) / 4000 = 50; memory: (8Gi - 2Gi) / 8Gi = 75; (50 + 75) / 2 = 62 (integer, as Kubernetes).
        var node = Make.Info(Make.Node("n1", cpu: "4", memory: "8Gi"), Make.Pod("old", cpu: "1", memory: "1Gi", nodeName: "n1"));

        Assert.Equal([62L], PluginRunner.Scores(plugin, Make.Pod("p", cpu: "1", memory: "1Gi"), node));
    }

    [Fact]
    public void Score_EmptierNode_ScoresHigher()
    {
        var busy = Make.Info(Make.Node("busy"), Make.Pod("old", cpu: "3", memory: "6Gi", nodeName: "busy"));
        var idle = Make.Info(Make.Node("idle"));

        var scores = PluginRunner.Scores(plugin, Make.Pod("p", cpu: "500m", memory: "512Mi"), busy, idle);

        Assert.True(scores[1] > scores[0], $"idle {scores[1]} should beat busy {scores[0]}");
    }

    [Fact]
    public void Score_PodsWithoutRequests_CountKubernetesDefaults()
    {
        // Best-effort pods count 100m and 200Mi each, so a node holding one scores below an empty one.
        var withOne = Make.Info(Make.Node("n1", cpu: "1", memory: "1000Mi"), Make.Pod("old", nodeName: "n1"));
        var empty = Make.Info(Make.Node("n2", cpu: "1", memory: "1000Mi"));

        // n1: cpu (1000-200)/1000 = 80, memory (1000-400)/1000 = 60 → 70; n2: 90 and 80 → 85.
        Assert.Equal([70L, 85L], PluginRunner.Scores(plugin, Make.Pod("p"), withOne, empty));
    }

    [Fact]
    public void Score_OvercommittedResource_ScoresZeroForIt()
    {
        var node = Make.Info(Make.Node("n1", cpu: "1", memory: "8Gi"));

        // cpu 2 > 1 → 0; memory (8Gi - 4Gi) / 8Gi = 50; average 25.
        Assert.Equal([25L], PluginRunner.Scores(plugin, Make.Pod("p", cpu: "2", memory: "4Gi"), node));
    }
}
