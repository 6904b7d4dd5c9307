using k8s.Models;
using PaaS.Scheduler.Framework;
using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeAffinityPluginTests
{
    private const string Reason = "node(s) didn't match Pod's node affinity/selector";

    private readonly NodeAffinityPlugin plugin = new();

    [Fact]
    public void PreFilter_PodWithoutNodeConstraints_SkipsTheFilter()
    {
        var status = plugin.PreFilter(new CycleState(), Make.Pod("p"), SchedulerSnapshot.Empty);

        Assert.Equal(StatusCode.Skip, status.Code);
    }

    [Fact]
    public void Filter_NodeSelector_NeedsEveryLabel()
    {
        var pod = Make.Pod("p");
        pod.Spec.NodeSelector = Make.Labels("disk=ssd", "gpu=true");

        Assert.True(Filter(pod, "disk=ssd", "gpu=true", "extra=1").IsSuccess);
        Assert.Equal([Reason], Filter(pod, "disk=ssd").Reasons);
        Assert.Equal([Reason], Filter(pod, "disk=hdd", "gpu=true").Reasons);
    }

    [Theory]
    [InlineData("In", new[] { "a", "b" }, "tier=b", true)]
    [InlineData("In", new[] { "a" }, "tier=c", false)]
    [InlineData("In", new[] { "a" }, null, false)]
    [InlineData("NotIn", new[] { "a" }, "tier=b", true)]
    [InlineData("NotIn", new[] { "a" }, null, true)]
    [InlineData("NotIn", new[] { "a" }, "tier=a", false)]
    [InlineData("Exists", new string[0], "tier=x", true)]
    [InlineData("Exists", new string[0], null, false)]
    [InlineData("DoesNotExist", new string[0], null, true)]
    [InlineData("DoesNotExist", new string[0], "tier=x", false)]
    [InlineData("Gt", new[] { "5" }, "tier=6", true)]
    [InlineData("Gt", new[] { "5" }, "tier=5", false)]
    [InlineData("Lt", new[] { "5" }, "tier=-3", true)]
    [InlineData("Lt", new[] { "5" }, "tier=5", false)]
    [InlineData("Gt", new[] { "5" }, "tier=big", false)]
    [InlineData("Gt", new[] { "5", "6" }, "tier=9", false)]
    [InlineData("In", new string[0], "tier=a", false)]
    [InlineData("Like", new[] { "a" }, "tier=a", false)]
    public void Filter_MatchExpressionOperator_MatchesLikeKubernetes(string op, string[] values, string? nodeLabel, bool matches)
    {
        var pod = PodWithTerms(new V1NodeSelectorTerm { MatchExpressions = [Requirement("tier", op, values)] });

        Assert.Equal(matches, Filter(pod, nodeLabel is null ? [] : [nodeLabel]).IsSuccess);
    }

    [Fact]
    public void Filter_ExpressionsInOneTerm_AreAnded()
    {
        var pod = PodWithTerms(new V1NodeSelectorTerm
        {
            MatchExpressions = [Requirement("zone", "In", ["a"]), Requirement("disk", "In", ["ssd"])],
        });

        Assert.True(Filter(pod, "zone=a", "disk=ssd").IsSuccess);
        Assert.False(Filter(pod, "zone=a", "disk=hdd").IsSuccess);
    }

    [Fact]
    public void Filter_Terms_AreOred_AndAMalformedTermDoesNotHideTheOthers()
    {
        var pod = PodWithTerms(
            new V1NodeSelectorTerm { MatchExpressions = [Requirement("zone", "Gt", ["not-a-number"])] },
            new V1NodeSelectorTerm { MatchExpressions = [Requirement("zone", "In", ["b"])] });

        Assert.True(Filter(pod, "zone=b").IsSuccess);
        Assert.False(Filter(pod, "zone=a").IsSuccess);
    }

    [Fact]
    public void Filter_EmptyTerm_MatchesNoNode()
    {
        var pod = PodWithTerms(new V1NodeSelectorTerm());

        Assert.False(Filter(pod, "zone=a").IsSuccess);
    }

    [Theory]
    [InlineData("In", "n1", true)]
    [InlineData("In", "n2", false)]
    [InlineData("NotIn", "n2", true)]
    [InlineData("NotIn", "n1", false)]
    public void Filter_MatchFieldsMetadataName_ComparesTheNodeName(string op, string value, bool matches)
    {
        var pod = PodWithTerms(new V1NodeSelectorTerm { MatchFields = [Requirement("metadata.name", op, [value])] });

        Assert.Equal(matches, Filter(pod).IsSuccess);
    }

    [Fact]
    public void Filter_NodeSelectorAndAffinity_MustBothMatch()
    {
        var pod = PodWithTerms(new V1NodeSelectorTerm { MatchExpressions = [Requirement("zone", "In", ["a"])] });
        pod.Spec.NodeSelector = Make.Labels("disk=ssd");

        Assert.False(Filter(pod, "zone=a").IsSuccess);
        Assert.True(Filter(pod, "zone=a", "disk=ssd").IsSuccess);
    }

    private PluginStatus Filter(V1Pod pod, params string[] nodeLabels)
    {
        var node = Make.Node("n1");
        node.Metadata.Labels = Make.Labels(nodeLabels);
        return PluginRunner.Filter(plugin, pod, Make.Info(node));
    }

    private static V1Pod PodWithTerms(params V1NodeSelectorTerm[] terms)
    {
        var pod = Make.Pod("p");
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = terms },
            },
        };
        return pod;
    }

    private static V1NodeSelectorRequirement Requirement(string key, string op, string[] values) =>
        new() { Key = key, OperatorProperty = op, Values = values };
}
