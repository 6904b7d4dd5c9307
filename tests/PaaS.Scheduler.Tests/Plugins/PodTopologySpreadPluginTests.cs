using k8s.Models;
using PaaS.Scheduler.Framework;
using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class PodTopologySpreadPluginTests
{
    private readonly PodTopologySpreadPlugin plugin = new();

    [Fact]
    public void PreFilter_PodWithoutHardConstraints_SkipsTheFilter()
    {
        var pod = Spreading("p", "ScheduleAnyway");

        Assert.Equal(StatusCode.Skip, plugin.PreFilter(new CycleState(), pod, SchedulerSnapshot.Empty).Code);
    }

    [Fact]
    public void Filter_MaxSkewOne_OnlyAllowsTheLeastLoadedZone()
    {
        // Zone a holds 2 matching pods, b 1, c 0: placing in a or b would make the skew 3 or 2.
        var snapshot = ThreeZones(a: 2, b: 1, c: 0);
        var pod = Spreading("new", "DoNotSchedule");

        Assert.Equal(
            [PodTopologySpreadPlugin.ReasonConstraintsNotMatch, PodTopologySpreadPlugin.ReasonConstraintsNotMatch, null],
            snapshot.Nodes.Select(n => PluginRunner.Filter(plugin, pod, n, snapshot).Reasons.SingleOrDefault()));
    }

    [Fact]
    public void Filter_MaxSkewTwo_AllowsZonesWithinTwoOfTheMinimum()
    {
        var snapshot = ThreeZones(a: 2, b: 1, c: 0);
        var pod = Spreading("new", "DoNotSchedule", maxSkew: 2);

        Assert.Equal([false, true, true], snapshot.Nodes.Select(n => PluginRunner.Filter(plugin, pod, n, snapshot).IsSuccess));
    }

    [Fact]
    public void Filter_OnlyCountsMatchingLiveSameNamespacePods()
    {
        // Zone a's pods all fall outside the count: wrong labels, another namespace, terminating.
        var other = Make.Pod("other", nodeName: "a", labels: Make.Labels("app=other"));
        var foreign = Make.Pod("foreign", nodeName: "a", ns: "team-b", labels: Make.Labels("app=web"));
        var leaving = Make.Pod("leaving", nodeName: "a", labels: Make.Labels("app=web"));
        leaving.Metadata.DeletionTimestamp = DateTime.UtcNow;
        var a = Make.Info(Make.Node("a", zone: "a"), other, foreign, leaving);
        var b = Make.Info(Make.Node("b", zone: "b"));
        var pod = Spreading("new", "DoNotSchedule");
        pod.Metadata.Labels = Make.Labels("app=web");

        // With a's pods counted, a would fail only after b received one; here a counts 0 and passes.
        Assert.True(PluginRunner.Filter(plugin, pod, a, Make.Snapshot(a, b)).IsSuccess);
    }

    [Fact]
    public void Filter_NodeWithoutTheTopologyKey_FailsWithMissingLabelReason()
    {
        var unlabelled = Make.Info(Make.Node("x"));
        var pod = Spreading("new", "DoNotSchedule");

        Assert.Equal([PodTopologySpreadPlugin.ReasonMissingLabel],
            PluginRunner.Filter(plugin, pod, unlabelled, Make.Snapshot(unlabelled, Make.Info(Make.Node("a", zone: "a")))).Reasons);
    }

    [Fact]
    public void Filter_MinDomainsAboveEligibleDomains_TreatsTheGlobalMinimumAsZero()
    {
        var a = Make.Info(Make.Node("a", zone: "a"), Web("w1", "a"));
        var b = Make.Info(Make.Node("b", zone: "b"), Web("w2", "b"));
        var snapshot = Make.Snapshot(a, b);
        var pod = Spreading("new", "DoNotSchedule");

        Assert.True(PluginRunner.Filter(plugin, pod, a, snapshot).IsSuccess);
        pod.Spec.TopologySpreadConstraints[0].MinDomains = 3;
        Assert.False(PluginRunner.Filter(plugin, pod, a, snapshot).IsSuccess);
    }

    [Fact]
    public void Filter_ZonesExcludedByNodeSelector_AreNotDomains()
    {
        // Zone c is empty but the pod may not go there, so it does not pull the minimum down to 0.
        var snapshot = ThreeZones(a: 1, b: 2, c: 0);
        var pod = Spreading("new", "DoNotSchedule");
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                {
                    NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new() { Key = Make.ZoneKey, OperatorProperty = "In", Values = ["a", "b"] }] }],
                },
            },
        };

        Assert.True(PluginRunner.Filter(plugin, pod, snapshot.Nodes[0], snapshot).IsSuccess);

        pod.Spec.TopologySpreadConstraints[0].NodeAffinityPolicy = "Ignore";
        Assert.False(PluginRunner.Filter(plugin, pod, snapshot.Nodes[0], snapshot).IsSuccess);
    }

    [Fact]
    public void Filter_MatchLabelKeys_SpreadsEachRevisionOnItsOwn()
    {
        // Zone a holds two pods of the old revision; for the new revision every zone is empty.
        var a = Make.Info(Make.Node("a", zone: "a"),
            Make.Pod("old1", nodeName: "a", labels: Make.Labels("app=web", "rev=1")),
            Make.Pod("old2", nodeName: "a", labels: Make.Labels("app=web", "rev=1")));
        var b = Make.Info(Make.Node("b", zone: "b"));
        var pod = Spreading("new", "DoNotSchedule");
        pod.Metadata.Labels = Make.Labels("app=web", "rev=2");

        Assert.False(PluginRunner.Filter(plugin, pod, a, Make.Snapshot(a, b)).IsSuccess);
        pod.Spec.TopologySpreadConstraints[0].MatchLabelKeys = ["rev"];
        Assert.True(PluginRunner.Filter(plugin, pod, a, Make.Snapshot(a, b)).IsSuccess);
    }

    [Fact]
    public void Score_SoftConstraint_PrefersTheEmptierZone()
    {
        var snapshot = ThreeZones(a: 3, b: 1, c: 0);

        var scores = PluginRunner.Scores(plugin, Spreading("new", "ScheduleAnyway"), [.. snapshot.Nodes]);

        Assert.Equal(100L, scores[2]);
        Assert.True(scores[0] < scores[1] && scores[1] < scores[2], string.Join(",", scores));
    }

    [Fact]
    public void Score_FeasibleNodeWithoutTheKey_ScoresZero()
    {
        var a = Make.Info(Make.Node("a", zone: "a"), Web("w1", "a"));
        var unlabelled = Make.Info(Make.Node("x"));

        Assert.Equal([100L, 0L], PluginRunner.Scores(plugin, Spreading("new", "ScheduleAnyway"), a, unlabelled));
    }

    [Fact]
    public void Score_NoConstraints_SkipsScoring() =>
        Assert.True(PluginRunner.SkipsScoring(plugin, Make.Pod("p"), Make.Info(Make.Node("a", zone: "a"))));

    private static SchedulerSnapshot ThreeZones(int a, int b, int c) => Make.Snapshot(
        Make.Info(Make.Node("a", zone: "a"), [.. Enumerable.Range(0, a).Select(i => Web($"a{i}", "a"))]),
        Make.Info(Make.Node("b", zone: "b"), [.. Enumerable.Range(0, b).Select(i => Web($"b{i}", "b"))]),
        Make.Info(Make.Node("c", zone: "c"), [.. Enumerable.Range(0, c).Select(i => Web($"c{i}", "c"))]));

    private static V1Pod Web(string name, string node) => Make.Pod(name, nodeName: node, labels: Make.Labels("app=web"));

    internal static V1Pod Spreading(string name, string whenUnsatisfiable, int maxSkew = 1, string topologyKey = Make.ZoneKey)
    {
        var pod = Make.Pod(name, labels: Make.Labels("app=web"));
        pod.Spec.TopologySpreadConstraints =
        [
            new V1TopologySpreadConstraint
            {
                MaxSkew = maxSkew,
                TopologyKey = topologyKey,
                WhenUnsatisfiable = whenUnsatisfiable,
                LabelSelector = new V1LabelSelector { MatchLabels = Make.Labels("app=web") },
            },
        ];
        return pod;
    }
}
