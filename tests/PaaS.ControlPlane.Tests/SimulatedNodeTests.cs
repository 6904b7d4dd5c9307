using k8s;
using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>Simulated nodes register, heartbeat and run the pods bound to them, through the real API.</summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class SimulatedNodeTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task SimulatedNodes_RegisterWithZones_AndRenewTheirLeases()
    {
        var nodes = await Wait.For(async () =>
        {
            var list = await fixture.Admin.CoreV1.ListNodeAsync();
            return list.Items.Count == ControlPlaneFixture.Nodes ? list : null;
        });
        Assert.Equal(["sim-1", "sim-2", "sim-3"], nodes.Items.Select(n => n.Metadata.Name).Order());
        Assert.Equal(["zone-a", "zone-b", "zone-c"], nodes.Items.Select(n => n.Metadata.Labels["topology.kubernetes.io/zone"]).Order());
        Assert.All(nodes.Items, n => Assert.Equal("True", n.Status.Conditions.Single(c => c.Type == "Ready").Status));
        var lease = await Wait.For(async () => (await fixture.Admin.CoordinationV1.ListNamespacedLeaseAsync("kube-node-lease")).Items.Count == 3
            ? await fixture.Admin.CoordinationV1.ReadNamespacedLeaseAsync("sim-2", "kube-node-lease") : null);
        Assert.Equal("sim-2", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task PodBoundToASimulatedNode_Runs_AndIsRemovedWhenDeleted()
    {
        var ns = "sim-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await fixture.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1PodSpec { NodeName = "sim-1", Containers = [new V1Container { Name = "web", Image = "paas/hello:1" }] },
        }, ns);

        var running = await Wait.For(async () =>
        {
            var pod = await fixture.Admin.CoreV1.ReadNamespacedPodAsync("web", ns);
            return pod.Status?.Phase == "Running" ? pod : null;
        });
        Assert.Equal("True", running.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.StartsWith("10.", running.Status.PodIP, StringComparison.Ordinal);

        await fixture.Admin.CoreV1.DeleteNamespacedPodAsync("web", ns);
        await Wait.For(async () =>
        {
            var pods = await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns);
            return pods.Items.Count == 0 ? pods : null;
        });
    }

    [Fact]
    public async Task AgentReceivesOnlyTheChangesOfPodsBoundToItsNodes()
    {
        var ns = "route-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var receivedBefore = fixture.Fleet.ChangesReceived;
        for (var i = 0; i < 10; i++)
        {
            await fixture.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"noise-{i}" } }, ns);
        }

        // A pod bound to a node no agent of this process runs: its changes go to that node's key only.
        await fixture.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "elsewhere" },
            Spec = new V1PodSpec { NodeName = "node-of-another-agent", Containers = [new V1Container { Name = "web", Image = "paas/hello:1" }] },
        }, ns);
        await fixture.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "here" },
            Spec = new V1PodSpec { NodeName = "sim-2", Containers = [new V1Container { Name = "web", Image = "paas/hello:1" }] },
        }, ns);

        await Wait.For(async () => (await fixture.Admin.CoreV1.ReadNamespacedPodAsync("here", ns)).Status?.Phase == "Running" ? "running" : null);
        // Two changes of "here" arrived (its creation and the agent's Running report): the relay publishes batch
        // after batch in commit order, so everything committed before the report has been delivered by now.
        await Wait.For(() => Task.FromResult(fixture.Fleet.ChangesReceived >= receivedBefore + 2 ? "received" : null));
        Assert.Equal(0, fixture.Fleet.ChangesForOthers);
    }
}
