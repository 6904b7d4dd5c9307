using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Framework;

public class NodeSamplingTests
{
    [Theory]
    [InlineData(50, 50)]        // small clusters: every node
    [InlineData(99, 99)]
    [InlineData(100, 100)]      // 49% of 100 = 49, raised to the 100-node floor
    [InlineData(400, 188)]      // 50 - 3 = 47%
    [InlineData(1000, 420)]     // 50 - 8 = 42%
    [InlineData(5000, 500)]     // 50 - 40 = 10%
    [InlineData(6000, 300)]     // 50 - 48 = 2%, raised to 5%
    [InlineData(1500, 570)]     // 50 - 12 = 38%
    public void NumFeasibleNodesToFind_Adaptive_FollowsKubeScheduler(int nodes, int expected) =>
        Assert.Equal(expected, NodeSampling.NumFeasibleNodesToFind(nodes, 0));

    [Theory]
    [InlineData(1000, 10, 100)]
    [InlineData(1000, 5, 100)]   // 50 is below the 100-node floor
    [InlineData(1000, 100, 1000)]
    [InlineData(80, 10, 80)]     // under 100 nodes the percentage is ignored
    public void NumFeasibleNodesToFind_FixedPercentage_KeepsTheFloor(int nodes, int percentage, int expected) =>
        Assert.Equal(expected, NodeSampling.NumFeasibleNodesToFind(nodes, percentage));
}
