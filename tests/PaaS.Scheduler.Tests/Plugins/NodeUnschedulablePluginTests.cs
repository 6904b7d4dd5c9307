using PaaS.Scheduler.Framework;
using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeUnschedulablePluginTests
{
    private readonly NodeUnschedulablePlugin plugin = new();

    [Fact]
    public void Filter_SchedulableNode_Succeeds()
    {
        var node = Make.Node("n1");
        node.Spec.Unschedulable = false;

        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node)).IsSuccess);
    }

    [Fact]
    public void Filter_CordonedNode_FailsWithKubernetesReason()
    {
        var node = Make.Node("n1");
        node.Spec.Unschedulable = true;

        var status = PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node));

        Assert.Equal(StatusCode.Unschedulable, status.Code);
        Assert.Equal(["node(s) were unschedulable"], status.Reasons);
    }

    [Theory]
    [InlineData("node.kubernetes.io/unschedulable", "NoSchedule", "Exists", true)]
    [InlineData("node.kubernetes.io/unschedulable", null, "Exists", true)]
    [InlineData("node.kubernetes.io/unschedulable", "NoSchedule", null, true)]
    [InlineData(null, null, "Exists", true)]
    [InlineData("node.kubernetes.io/unschedulable", "NoExecute", "Exists", false)]
    [InlineData("node.kubernetes.io/not-ready", "NoSchedule", "Exists", false)]
    public void Filter_CordonedNode_PassesOnlyWhenTheUnschedulableTaintIsTolerated(string? key, string? effect, string? op, bool passes)
    {
        var node = Make.Node("n1");
        node.Spec.Unschedulable = true;
        var pod = Make.Pod("p");
        pod.Spec.Tolerations = [Make.Toleration(key, effect, op)];

        Assert.Equal(passes, PluginRunner.Filter(plugin, pod, Make.Info(node)).IsSuccess);
    }
}
