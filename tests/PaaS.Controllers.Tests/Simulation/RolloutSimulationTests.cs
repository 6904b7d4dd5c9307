using PaaS.Controllers.Deployments;

namespace PaaS.Controllers.Tests.Simulation;

/// <summary>Whole rollouts driven through both planners, checking the rolling update guarantees at every step.</summary>
public class RolloutSimulationTests
{
    [Theory]
    [InlineData(3, "25%", "25%")]
    [InlineData(10, "0", "1")]
    [InlineData(10, "25%", "25%")]
    [InlineData(10, "3", "0")]
    [InlineData(5, "100%", "0")]
    [InlineData(4, "0", "100%")]
    [InlineData(1, "0", "25%")]
    [InlineData(7, "2", "3")]
    public void RollingUpdate_EveryStep_StaysWithinSurgeAndUnavailability(int replicas, string maxSurge, string maxUnavailable)
    {
        var cluster = Steady(Objects.Deployment(replicas, "web:1", maxSurge, maxUnavailable));
        var (surge, unavailable) = RolloutMath.ResolveFenceposts(maxSurge, maxUnavailable, replicas);

        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));
        var steps = RunToSteady(cluster, () =>
        {
            Assert.InRange(cluster.ActivePods.Count(), 0, replicas + surge);
            Assert.InRange(cluster.AvailablePods, Math.Max(0, replicas - Math.Min(unavailable, replicas)), int.MaxValue);
        }, kubeletLimit: 1);

        Assert.InRange(steps, 2, 60);
        Assert.All(cluster.ActivePods, p => Assert.Equal("web:2", p.Spec.Containers[0].Image));
        Assert.Equal(replicas, cluster.ActivePods.Count());
        Assert.Equal(0, cluster.ReplicaSetWithImage("web:1").Spec.Replicas);
        var status = cluster.Deployment.Status;
        Assert.Equal((replicas, replicas, replicas, replicas, 0), (status.Replicas, status.UpdatedReplicas, status.ReadyReplicas, status.AvailableReplicas, status.UnavailableReplicas));
        Assert.Equal(DeploymentConditions.NewReplicaSetAvailable, DeploymentConditions.Get(status, DeploymentConditions.Progressing)?.Reason);
        Assert.Equal("2", cluster.Deployment.Metadata.Annotations[DeploymentAnnotations.Revision]);
    }

    [Fact]
    public void RollingUpdate_ThreeReplicasQuarterSurgeAndUnavailability_SurgesOneAtATime()
    {
        // 25% of 3: maxSurge rounds up to 1, maxUnavailable rounds down to 0.
        var cluster = Steady(Objects.Deployment(3, "web:1", "25%", "25%"));
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));

        var sizes = new List<(int Old, int New)>();
        RunToSteady(cluster, () => sizes.Add(Sizes(cluster)));

        Assert.Equal([(3, 1), (2, 1), (2, 2), (1, 2), (1, 3), (0, 3)], sizes.Distinct());
    }

    [Fact]
    public void RollingUpdate_TenReplicasNoSurgeOneUnavailable_AlternatesDownAndUp()
    {
        var cluster = Steady(Objects.Deployment(10, "web:1", "0", "1"));
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));

        var sizes = new List<(int Old, int New)>();
        RunToSteady(cluster, () => sizes.Add(Sizes(cluster)));

        var expected = Enumerable.Range(1, 10).SelectMany(i => new[] { (10 - i, i - 1), (10 - i, i) }).ToList();
        Assert.Equal(expected, sizes.Distinct());
    }

    [Fact]
    public void RollingUpdate_WithMinReadySeconds_WaitsForAvailabilityAndRequeues()
    {
        var deployment = Objects.Deployment(2, "web:1", "1", "0");
        deployment.Spec.MinReadySeconds = 30;
        var cluster = Steady(deployment);
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));

        cluster.Sync();
        cluster.RunKubelet();
        var plan = cluster.Sync();

        // The new pod is ready but not yet available: nothing may be scaled down, and the planner asks to look again.
        Assert.Equal((2, 1), Sizes(cluster));
        Assert.Empty(plan.ReplicaSetsToUpdate);
        Assert.Equal(TimeSpan.FromSeconds(31), plan.RequeueAfter);

        cluster.Now += TimeSpan.FromSeconds(31);
        cluster.Sync();
        Assert.Equal((1, 1), Sizes(cluster));
    }

    [Fact]
    public void Recreate_NeverRunsOldAndNewPodsTogether()
    {
        var cluster = Steady(Objects.Deployment(3, "web:1", strategy: RolloutMath.Recreate));
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));

        // First sync: old scaled to zero, its pods terminating; no new replica set while any of them still runs.
        var first = cluster.Sync();
        Assert.Null(first.ReplicaSetToCreate);
        Assert.Equal(0, cluster.ReplicaSetWithImage("web:1").Spec.Replicas);
        Assert.Equal(3, cluster.Pods.Count(p => p.Metadata.DeletionTimestamp is not null));
        Assert.Null(cluster.Sync().ReplicaSetToCreate);

        RunToSteady(cluster, () =>
            Assert.False(cluster.Pods.Any(p => p.Spec.Containers[0].Image == "web:1") && cluster.Pods.Any(p => p.Spec.Containers[0].Image == "web:2")));

        Assert.Equal(3, cluster.PodsOf(cluster.ReplicaSetWithImage("web:2")).Count());
        Assert.Equal(3, cluster.ReplicaSetWithImage("web:2").Spec.Replicas);
    }

    [Fact]
    public void Rollback_ReusesTheOldReplicaSetWithANewRevision()
    {
        var cluster = Steady(Objects.Deployment(3, "web:1"));
        var original = cluster.ReplicaSetWithImage("web:1").Metadata.Name;
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));
        RunToSteady(cluster);

        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:1"));
        var first = cluster.Sync();
        RunToSteady(cluster);

        Assert.Null(first.ReplicaSetToCreate);
        Assert.Equal(2, cluster.ReplicaSets.Count);
        var restored = cluster.ReplicaSetWithImage("web:1");
        Assert.Equal(original, restored.Metadata.Name);
        Assert.Equal(3, restored.Spec.Replicas);
        Assert.Equal("3", restored.Metadata.Annotations[DeploymentAnnotations.Revision]);
        Assert.Equal("1", restored.Metadata.Annotations[DeploymentAnnotations.RevisionHistory]);
        Assert.Equal("3", cluster.Deployment.Metadata.Annotations[DeploymentAnnotations.Revision]);
        Assert.All(cluster.ActivePods, p => Assert.Equal("web:1", p.Spec.Containers[0].Image));
    }

    [Fact]
    public void RevisionHistoryLimit_DeletesOldestScaledDownReplicaSets()
    {
        var deployment = Objects.Deployment(2, "web:1");
        deployment.Spec.RevisionHistoryLimit = 2;
        var cluster = Steady(deployment);
        foreach (var version in new[] { "web:2", "web:3", "web:4", "web:5" })
        {
            cluster.UpdateSpec(spec => spec.Template = Objects.Template(version));
            RunToSteady(cluster);
        }

        var kept = cluster.ReplicaSets.Select(rs => rs.Spec.Template.Spec.Containers[0].Image).Order();
        Assert.Equal(["web:3", "web:4", "web:5"], kept);
    }

    [Fact]
    public void RolloutRestart_TemplateAnnotation_CreatesANewReplicaSet()
    {
        var cluster = Steady(Objects.Deployment(2, "web:1"));
        cluster.UpdateSpec(spec => spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/restartedAt"] = "2026-01-01T13:00:00Z" });

        var plan = cluster.Sync();
        RunToSteady(cluster);

        Assert.NotNull(plan.ReplicaSetToCreate);
        Assert.Equal(2, cluster.ReplicaSets.Count);
        Assert.Equal(2, cluster.PodsOf(cluster.ReplicaSets.Single(rs => rs.Metadata.Name == plan.ReplicaSetToCreate.Metadata.Name)).Count());
    }

    [Fact]
    public void ScalingMidRollout_ScalesReplicaSetsProportionally()
    {
        var cluster = Steady(Objects.Deployment(10, "web:1", "3", "0"));
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));
        cluster.Sync();
        Assert.Equal((10, 3), Sizes(cluster));

        cluster.UpdateSpec(spec => spec.Replicas = 20);
        var plan = cluster.Sync();

        // max-replicas was 13, now 23: 10 * 23 / 13 = 17.7 → 18, 3 * 23 / 13 = 5.3 → 5.
        Assert.Null(plan.ReplicaSetToCreate);
        Assert.Equal((18, 5), Sizes(cluster));
        Assert.All(cluster.ReplicaSets, rs => Assert.Equal("20", rs.Metadata.Annotations[DeploymentAnnotations.DesiredReplicas]));
        RunToSteady(cluster);
        Assert.Equal((0, 20), Sizes(cluster));
    }

    [Fact]
    public void Paused_ScalesButDoesNotRollOut_UntilResumed()
    {
        var cluster = Steady(Objects.Deployment(3, "web:1"));
        cluster.UpdateSpec(spec =>
        {
            spec.Paused = true;
            spec.Template = Objects.Template("web:2");
        });

        var paused = cluster.Sync();
        Assert.Null(paused.ReplicaSetToCreate);
        var progressing = DeploymentConditions.Get(cluster.Deployment.Status, DeploymentConditions.Progressing)!;
        Assert.Equal(("Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused"), (progressing.Status, progressing.Reason, progressing.Message));

        cluster.UpdateSpec(spec => spec.Replicas = 5);
        cluster.Sync();
        cluster.RunKubelet();
        Assert.Single(cluster.ReplicaSets);
        Assert.Equal(5, cluster.ReplicaSets[0].Spec.Replicas);

        cluster.UpdateSpec(spec => spec.Paused = false);
        var resumed = cluster.Sync();
        Assert.NotNull(resumed.ReplicaSetToCreate);
        RunToSteady(cluster);
        Assert.Equal((0, 5), Sizes(cluster));
    }

    /// <summary>A deployment rolled out to its first replica set, every pod running and ready.</summary>
    private static FakeCluster Steady(k8s.Models.V1Deployment deployment)
    {
        var cluster = new FakeCluster(deployment);
        RunToSteady(cluster);
        return cluster;
    }

    /// <summary>Sync and run the kubelet until nothing changes; <paramref name="afterEachSync"/> checks invariants.</summary>
    private static int RunToSteady(FakeCluster cluster, Action? afterEachSync = null, int kubeletLimit = int.MaxValue)
    {
        for (var step = 1; step <= 100; step++)
        {
            var plan = cluster.Sync();
            afterEachSync?.Invoke();
            if (cluster.IsSteady(plan))
            {
                return step;
            }

            cluster.RunKubelet(kubeletLimit);
            afterEachSync?.Invoke();
            cluster.Now += TimeSpan.FromSeconds(1);
        }

        throw new Xunit.Sdk.XunitException("the rollout did not settle in 100 steps");
    }

    private static (int Old, int New) Sizes(FakeCluster cluster)
    {
        var newest = cluster.ReplicaSets.OrderBy(rs => rs.Metadata.CreationTimestamp).Last();
        var old = cluster.ReplicaSets.Where(rs => rs != newest).Sum(rs => rs.Spec.Replicas ?? 0);
        return (old, newest.Spec.Replicas ?? 0);
    }
}
