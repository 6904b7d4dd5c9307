using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeReadyPluginTests
{
    private readonly NodeReadyPlugin plugin = new();

    [Fact]
    public void Filter_ReadyNode_Succeeds() =>
        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(Make.Node("n1", ready: "True"))).IsSuccess);

    [Theory]
    [InlineData("False")]
    [InlineData("Unknown")]
    public void Filter_NodeNotReady_FailsWithKubernetesReason(string ready)
    {
        var status = PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(Make.Node("n1", ready: ready)));

        Assert.Equal(["node(s) were not ready"], status.Reasons);
    }

    [Fact]
    public void Filter_NodeWithoutReadyCondition_Fails()
    {
        var node = Make.Node("n1");
        node.Status.Conditions = [new k8s.Models.V1NodeCondition { Type = "MemoryPressure", Status = "False" }];

        Assert.False(PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node)).IsSuccess);
    }

    [Fact]
    public void Filter_DefaultNoExecuteTolerationOfNotReady_StillFails()
    {
        // Admission gives every pod this toleration; it must not let pods land on not-ready nodes.
        var pod = Make.Pod("p");
        pod.Spec.Tolerations = [Make.Toleration("node.kubernetes.io/not-ready", "NoExecute", "Exists")];

        Assert.False(PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n1", ready: "False"))).IsSuccess);
    }

    [Theory]
    [InlineData("False", "node.kubernetes.io/not-ready", true)]
    [InlineData("Unknown", "node.kubernetes.io/unreachable", true)]
    [InlineData("Unknown", "node.kubernetes.io/not-ready", false)]
    public void Filter_PodToleratingTheMatchingNoScheduleTaint_Passes(string ready, string toleratedKey, bool passes)
    {
        var pod = Make.Pod("agent");
        pod.Spec.Tolerations = [Make.Toleration(toleratedKey, "NoSchedule", "Exists")];

        Assert.Equal(passes, PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n1", ready: ready))).IsSuccess);
    }
}
