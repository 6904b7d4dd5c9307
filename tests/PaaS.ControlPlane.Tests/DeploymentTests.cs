using k8s;
using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>Deployments converge through the controllers, the scheduler and simulated nodes, all through the real API.</summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class DeploymentTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Deployment_ConvergesToRunningPods_SpreadOverZones_ScalesAndCascades()
    {
        var ns = await NamespaceAsync();
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 9), ns);

        // One simulated node per zone: the zone spread constraint places them 3/3/3.
        var pods = await RunningPodsAsync(ns, 9);
        Assert.All(pods, p => Assert.StartsWith("web-", p.Metadata.Name, StringComparison.Ordinal));
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.All(pods.GroupBy(p => p.Spec.NodeName), g => Assert.Equal(3, g.Count()));
        var deployment = await Wait.For(async () =>
        {
            var d = await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            return d.Status?.AvailableReplicas == 9 && d.Status.UpdatedReplicas == 9 ? d : null;
        });
        Assert.Equal("1", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        await fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":0}}""", V1Patch.PatchType.MergePatch), "web", ns);
        await Wait.For(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0 ? "gone" : null);
        await fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), "web", ns);
        await RunningPodsAsync(ns, 2);

        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("web", ns);
        await Wait.For(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0
            && (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 0 ? "gone" : null);
    }

    [Fact]
    public async Task ImageChange_RollsOutWithinMaxSurgeAndMaxUnavailable_AndRollbackRestoresTheTemplate()
    {
        var ns = await NamespaceAsync();
        var deployment = Deployment("roll", replicas: 10);
        deployment.Spec.Template.Spec.TopologySpreadConstraints = null;
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await RunningPodsAsync(ns, 10);

        await fixture.Admin.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"paas/hello:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "roll", ns);

        // Defaults 25%/25% of 10: surge rounds up to 3, unavailable rounds down to 2.
        var observations = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
            var available = pods.Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
            Assert.True(pods.Count <= 13, $"{pods.Count} pods exceed replicas + maxSurge (13)");
            Assert.True(available >= 8, $"only {available} available, below replicas - maxUnavailable (8)");
            observations++;
            if (pods.Count == 10 && available == 10 && pods.All(p => p.Spec.Containers[0].Image == "paas/hello:2"))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the rollout did not finish in 60 s");
            await Task.Delay(20);
        }

        Assert.True(observations > 3, $"only {observations} observations of the rollout");
        var replicaSets = (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        Assert.Equal(2, replicaSets.Count);
        var old = replicaSets.Single(rs => rs.Spec.Template.Spec.Containers[0].Image == "paas/hello:1");
        Assert.Equal(0, old.Spec.Replicas);

        // Rollback (what `kubectl rollout undo` does): the old template again reuses the old ReplicaSet.
        await fixture.Admin.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"paas/hello:1"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "roll", ns);
        await Wait.For(async () =>
        {
            var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
            return pods.Count == 10 && pods.All(p => p.Status?.Phase == "Running" && p.Spec.Containers[0].Image == "paas/hello:1") ? pods : null;
        }, seconds: 60);
        var reused = await fixture.Admin.AppsV1.ReadNamespacedReplicaSetAsync(old.Metadata.Name, ns);
        Assert.Equal(10, reused.Spec.Replicas);
        Assert.Equal("3", reused.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task PodDeletedByHand_IsReplaced()
    {
        var ns = await NamespaceAsync();
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("api", replicas: 2), ns);
        var pods = await RunningPodsAsync(ns, 2);

        await fixture.Admin.CoreV1.DeleteNamespacedPodAsync(pods[0].Metadata.Name, ns);

        var replaced = await RunningPodsAsync(ns, 2, except: pods[0].Metadata.Name);
        Assert.DoesNotContain(replaced, p => p.Metadata.Name == pods[0].Metadata.Name);
    }

    [Fact]
    public async Task PodThatFitsNowhere_SaysWhy_AndIsScheduledWhenANodeWithRoomJoins()
    {
        var ns = await NamespaceAsync();
        var huge = Deployment("huge", replicas: 1);
        huge.Spec.Template.Spec.Containers[0].Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("64") } };
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(huge, ns);

        var pending = await Wait.For(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items
            .FirstOrDefault(p => p.Status?.Conditions?.Any(c => c.Type == "PodScheduled" && c.Status == "False") == true));
        var condition = pending.Status.Conditions.Single(c => c.Type == "PodScheduled");
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal("0/3 nodes are available: 3 Insufficient cpu.", condition.Message);
        var events = await Wait.For(async () =>
        {
            var list = await fixture.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "reason=FailedScheduling");
            return list.Items.Count > 0 ? list : null;
        });
        Assert.Contains("Insufficient cpu", events.Items[0].Message, StringComparison.Ordinal);

        // A node with room joins (registered the way an agent registers, with a fresh lease): the pod goes there.
        var big = "big-" + ns;
        await fixture.Admin.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = big },
            Spec = new V1LeaseSpec { HolderIdentity = big, LeaseDurationSeconds = 40, RenewTime = DateTime.UtcNow },
        }, "kube-node-lease");
        await fixture.Admin.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = big, Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "zone-a" } },
            Status = new V1NodeStatus
            {
                Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("128"), ["memory"] = new("256Gi"), ["pods"] = new("110") },
                Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("128"), ["memory"] = new("256Gi"), ["pods"] = new("110") },
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", LastHeartbeatTime = DateTime.UtcNow }],
            },
        });
        try
        {
            var placed = await Wait.For(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.FirstOrDefault(p => p.Spec.NodeName == big), seconds: 10);
            Assert.Equal("True", placed.Status.Conditions.Single(c => c.Type == "PodScheduled").Status);
        }
        finally
        {
            await fixture.Admin.CoreV1.DeleteNodeAsync(big);
        }
    }

    [Fact]
    public async Task QuotaExhaustion_ShowsAsReplicaFailure_AndRecoversWhenRaised()
    {
        var ns = await NamespaceAsync();
        await fixture.Admin.CoreV1.CreateNamespacedResourceQuotaAsync(new V1ResourceQuota
        {
            Metadata = new V1ObjectMeta { Name = "small" },
            Spec = new V1ResourceQuotaSpec { Hard = new Dictionary<string, ResourceQuantity> { ["pods"] = new("2") } },
        }, ns);
        var deployment = Deployment("crowd", replicas: 4);
        deployment.Spec.Template.Spec.TopologySpreadConstraints = null;
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        var failing = await Wait.For(async () => (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items
            .FirstOrDefault(rs => rs.Status?.Conditions?.Any(c => c.Type == "ReplicaFailure" && c.Status == "True") == true));
        var failure = failing.Status.Conditions.Single(c => c.Type == "ReplicaFailure");
        Assert.Equal("FailedCreate", failure.Reason);
        Assert.Contains("exceeded quota: small", failure.Message, StringComparison.Ordinal);
        await RunningPodsAsync(ns, 2);
        var warnings = await fixture.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "reason=FailedCreate");
        Assert.Contains(warnings.Items, e => e.Type == "Warning" && e.Message.Contains("exceeded quota: small", StringComparison.Ordinal));
        var status = await Wait.For(async () =>
        {
            var d = await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("crowd", ns);
            return d.Status?.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure");
        });
        Assert.Contains("exceeded quota: small", status.Message, StringComparison.Ordinal);

        await fixture.Admin.CoreV1.PatchNamespacedResourceQuotaAsync(new V1Patch("""{"spec":{"hard":{"pods":"4"}}}""", V1Patch.PatchType.MergePatch), "small", ns);

        await RunningPodsAsync(ns, 4);
        await Wait.For(async () => (await fixture.Admin.AppsV1.ReadNamespacedReplicaSetAsync(failing.Metadata.Name, ns)).Status?.Conditions?
            .Any(c => c.Type == "ReplicaFailure") == true ? null : "cleared");
    }

    private async Task<string> NamespaceAsync()
    {
        var ns = "cp-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        return ns;
    }

    private async Task<List<V1Pod>> RunningPodsAsync(string ns, int count, string? except = null) =>
        await Wait.For(async () =>
        {
            var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items
                .Where(p => p.Metadata.DeletionTimestamp is null && p.Metadata.Name != except).ToList();
            return pods.Count == count && pods.All(p => p.Status?.Phase == "Running") ? pods : null;
        }, seconds: 30);

    /// <summary>The shared deployment with a CPU request and a hard zone spread (one simulated node per zone).</summary>
    private static V1Deployment Deployment(string name, int replicas)
    {
        var deployment = Manifests.Deployment(name, replicas);
        var spec = deployment.Spec.Template.Spec;
        spec.Containers[0].Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") } };
        spec.TopologySpreadConstraints = [new V1TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "topology.kubernetes.io/zone", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = new V1LabelSelector { MatchLabels = deployment.Spec.Selector.MatchLabels } }];
        return deployment;
    }
}
