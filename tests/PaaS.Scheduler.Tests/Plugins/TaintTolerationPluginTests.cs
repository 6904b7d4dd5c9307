using k8s.Models;
using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class TaintTolerationPluginTests
{
    private readonly TaintTolerationPlugin plugin = new();

    [Theory]
    [InlineData("NoSchedule")]
    [InlineData("NoExecute")]
    public void Filter_UntoleratedHardTaint_FailsNamingTheTaint(string effect)
    {
        var node = Tainted("n1", Make.Taint("dedicated", effect, "gpu"));

        var status = PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node));

        Assert.Equal(["node(s) had untolerated taint {dedicated: gpu}"], status.Reasons);
    }

    [Fact]
    public void Filter_TaintWithoutValue_PrintsEmptyValueLikeKubernetes()
    {
        var node = Tainted("n1", Make.Taint("node-role.kubernetes.io/control-plane", "NoSchedule"));

        Assert.Equal(["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
            PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node)).Reasons);
    }

    [Fact]
    public void Filter_PreferNoScheduleTaint_DoesNotFilter()
    {
        var node = Tainted("n1", Make.Taint("spot", "PreferNoSchedule", "true"));

        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p"), Make.Info(node)).IsSuccess);
    }

    [Theory]
    [InlineData("dedicated", "NoSchedule", "Equal", "gpu", true)]
    [InlineData("dedicated", "NoSchedule", null, "gpu", true)]
    [InlineData("dedicated", "NoSchedule", "Equal", "cpu", false)]
    [InlineData("dedicated", null, "Exists", null, true)]
    [InlineData("dedicated", "NoExecute", "Exists", null, false)]
    [InlineData(null, null, "Exists", null, true)]
    [InlineData("other", "NoSchedule", "Exists", null, false)]
    public void Filter_Toleration_MatchesLikeKubernetes(string? key, string? effect, string? op, string? value, bool passes)
    {
        var node = Tainted("n1", Make.Taint("dedicated", "NoSchedule", "gpu"));
        var pod = Make.Pod("p");
        pod.Spec.Tolerations = [Make.Toleration(key, effect, op, value)];

        Assert.Equal(passes, PluginRunner.Filter(plugin, pod, Make.Info(node)).IsSuccess);
    }

    [Fact]
    public void Filter_ReportsTheFirstUntoleratedTaintOnly()
    {
        var node = Tainted("n1", Make.Taint("a", "NoSchedule", "1"), Make.Taint("b", "NoSchedule", "2"));
        var pod = Make.Pod("p");
        pod.Spec.Tolerations = [Make.Toleration("a", op: "Exists")];

        Assert.Equal(["node(s) had untolerated taint {b: 2}"], PluginRunner.Filter(plugin, pod, Make.Info(node)).Reasons);
    }

    [Fact]
    public void Score_FewerUntoleratedPreferNoScheduleTaints_ScoresHigher()
    {
        var clean = Make.Info(Make.Node("clean"));
        var one = Make.Info(Tainted("one", Make.Taint("spot", "PreferNoSchedule", "true")));
        var two = Make.Info(Tainted("two", Make.Taint("spot", "PreferNoSchedule", "true"), Make.Taint("old", "PreferNoSchedule")));

        Assert.Equal([100L, 50L, 0L], PluginRunner.Scores(plugin, Make.Pod("p"), clean, one, two));
    }

    [Fact]
    public void Score_ToleratedPreferNoScheduleTaint_DoesNotCount()
    {
        var spot = Make.Info(Tainted("spot", Make.Taint("spot", "PreferNoSchedule", "true")));
        var pod = Make.Pod("p");
        pod.Spec.Tolerations = [Make.Toleration("spot", "PreferNoSchedule", "Exists")];

        Assert.Equal([100L, 100L], PluginRunner.Scores(plugin, pod, Make.Info(Make.Node("clean")), spot));
    }

    private static V1Node Tainted(string name, params V1Taint[] taints)
    {
        var node = Make.Node(name);
        node.Spec.Taints = taints;
        return node;
    }
}
