using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// Controller managers and schedulers as separate processes, killed and paused: the control plane converges
/// with no duplicate pods, and a leader that lost its Lease while paused writes nothing when it resumes.
/// </summary>
[Collection(SeparatePartsGroup.Name)]
public sealed class ChaosTests(SeparatePartsFixture fixture, ITestOutputHelper output)
{
    private const string ControllerManagerLease = "paas-controller-manager";

    [Fact]
    public async Task KillingControllerManagerAndSchedulerMidRollout_ConvergesWithoutDuplicates()
    {
        using var controllers = fixture.StartPart("controllers");
        using var scheduler = fixture.StartPart("scheduler");
        var ns = await NamespaceAsync("chaos");
        // minReadySeconds paces the rollout (a new pod counts as available 2 s after it is ready), so the kill lands mid-way.
        var deployment = Manifests.Deployment("chaos", 50);
        deployment.Spec.MinReadySeconds = 2;
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await Wait.Until(async () => (await LivePodsAsync(ns)).Count(p => p.Status?.Phase == "Running") == 50, seconds: 60);
        await Wait.Until(async () => (await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("chaos", ns)).Status?.AvailableReplicas == 50, seconds: 30);

        await fixture.Admin.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"paas/hello:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "chaos", ns);
        await Wait.Until(async () => (await LivePodsAsync(ns)).Count(p => p.Spec.Containers[0].Image == "paas/hello:2") >= 10, seconds: 30);
        controllers.Kill();
        scheduler.Kill();
        var updatedAtKill = (await LivePodsAsync(ns)).Count(p => p.Spec.Containers[0].Image == "paas/hello:2");
        Assert.True(updatedAtKill < 50, $"the rollout had already finished ({updatedAtKill} updated) when the parts were killed");

        // The dead leaders' Leases must expire (15 s) before the new instances take over.
        using var controllersAgain = fixture.StartPart("controllers");
        using var schedulerAgain = fixture.StartPart("scheduler");
        var most = 0;
        await Wait.Until(async () =>
        {
            // maxSurge bounds the replicas the ReplicaSets ask for (as in Kubernetes, pods of a scaled-down set
            // may linger a moment while the other set's new ones arrive).
            most = Math.Max(most, (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Sum(s => s.Spec.Replicas ?? 0));
            var pods = await LivePodsAsync(ns);
            var d = await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("chaos", ns);
            return pods.Count == 50
                && pods.All(p => p.Status?.Phase == "Running" && p.Spec.Containers[0].Image == "paas/hello:2")
                && d.Status is { } status && status.ObservedGeneration == d.Metadata.Generation
                && status.UpdatedReplicas == 50 && status.AvailableReplicas == 50 && status.Replicas == 50;
        }, seconds: 90);
        Assert.True(most <= 63, $"the ReplicaSets asked for {most} pods at once: more than replicas + maxSurge (63)");

        await Task.Delay(3000); // anything acting twice would have created more by now
        var final = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.Equal(50, final.Count);
        var sets = (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        Assert.Equal(2, sets.Count);
        Assert.Equal([0, 50], sets.Select(s => s.Spec.Replicas ?? 0).Order());
        var progressing = (await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("chaos", ns)).Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal("NewReplicaSetAvailable", progressing.Reason);
    }

    [Fact]
    public async Task TwoControllerManagers_CreateNothingTwice_AndAPausedLeaderThatLostItsLeaseWritesNothing()
    {
        using var scheduler = fixture.StartPart("scheduler");
        // A killed instance of another test may still hold the Lease until it expires: wait for one of these two.
        using var first = fixture.StartPart("controllers");
        using var second = fixture.StartPart("controllers");
        var leaderIdentity = await Wait.For(async () => await fixture.HolderAsync(ControllerManagerLease) is { } h
            && (h.StartsWith(first.IdentityPrefix, StringComparison.Ordinal) || h.StartsWith(second.IdentityPrefix, StringComparison.Ordinal)) ? h : null, seconds: 40);
        var (leader, standby) = leaderIdentity.StartsWith(first.IdentityPrefix, StringComparison.Ordinal) ? (first, second) : (second, first);

        var ns = await NamespaceAsync("fence");
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Manifests.Deployment("one", 20), ns);
        var most = 0;
        await Wait.Until(async () =>
        {
            var pods = await LivePodsAsync(ns);
            most = Math.Max(most, pods.Count);
            return pods.Count(p => p.Status?.Phase == "Running") == 20;
        }, seconds: 40);
        Assert.Equal(20, most);
        Assert.Single((await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);

        leader.Pause();
        DateTimeOffset since;
        try
        {
            var takeover = await Wait.For(async () =>
            {
                var lease = await fixture.Admin.CoordinationV1.ReadNamespacedLeaseAsync(ControllerManagerLease, "kube-system");
                return lease.Spec.HolderIdentity.StartsWith(standby.IdentityPrefix, StringComparison.Ordinal) ? lease : null;
            }, seconds: 40);
            since = new DateTimeOffset(takeover.Spec.AcquireTime!.Value, TimeSpan.Zero);

            // Work for the paused leader's queue: its events pile up while the new leader does the work.
            await fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":30}}""", V1Patch.PatchType.MergePatch), "one", ns);
            await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Manifests.Deployment("two", 10), ns);
            await Wait.Until(async () => (await LivePodsAsync(ns)).Count(p => p.Status?.Phase == "Running") == 40, seconds: 40);
        }
        finally
        {
            leader.Resume();
        }

        await Task.Delay(6000); // the resumed instance handles its backlog, finds its Lease gone, stands by
        var fromDeposed = (await fixture.AuditAsync("system:controllers", since))
            .Where(r => (string?)r["userAgent"] is { } agent && agent.Contains("/" + leader.IdentityPrefix, StringComparison.Ordinal))
            .ToList();
        output.WriteLine($"writes the deposed leader attempted after the takeover: {fromDeposed.Count}, refused: {fromDeposed.Count(r => (int)r["code"]! >= 400)}");
        Assert.DoesNotContain(fromDeposed, r => (int)r["code"]! < 400);
        Assert.Equal(40, (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count);
        Assert.Equal(2, (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count);
        Assert.StartsWith(standby.IdentityPrefix, await fixture.HolderAsync(ControllerManagerLease), StringComparison.Ordinal);
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var ns = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        return ns;
    }

    private async Task<List<V1Pod>> LivePodsAsync(string ns) =>
        (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
}
