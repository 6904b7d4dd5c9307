using k8s;
using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// A node that stops heartbeating turns NotReady and its pods are replaced on other nodes; when it comes
/// back it removes the replaced pods, so no pod runs twice. (The fixture shortens Kubernetes' periods:
/// grace 4 s, eviction 2 s, lease renewal 1 s.)
/// </summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class NodeLifecycleTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task SilentNode_TurnsNotReady_ItsPodsAreReplacedElsewhere_AndItCleansUpWhenBack()
    {
        var ns = "nl-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var labels = new Dictionary<string, string> { ["app"] = "nl" };
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "nl" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 3,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers = [new V1Container { Name = "app", Image = "paas/hello:1" }],
                        TopologySpreadConstraints = [new V1TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "kubernetes.io/hostname", WhenUnsatisfiable = "ScheduleAnyway", LabelSelector = new V1LabelSelector { MatchLabels = labels } }],
                    },
                },
            },
        }, ns);
        var before = await Wait.For(async () =>
        {
            var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
            return pods.Count == 3 && pods.All(p => p.Status?.Phase == "Running") ? pods : null;
        });
        var victim = before[0];
        var node = victim.Spec.NodeName;

        fixture.Fleet.StopNode(node);
        try
        {
            await Wait.For(async () => (await fixture.Admin.CoreV1.ReadNodeAsync(node)).Status.Conditions.Single(c => c.Type == "Ready").Status == "Unknown" ? "unknown" : null);
            var replaced = await Wait.For(async () =>
            {
                var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
                return pods.Count == 3 && pods.All(p => p.Status?.Phase == "Running" && p.Spec.NodeName != node) ? pods : null;
            }, seconds: 40);
            Assert.DoesNotContain(replaced, p => p.Metadata.Uid == victim.Metadata.Uid);
            var terminating = await fixture.Admin.CoreV1.ReadNamespacedPodAsync(victim.Metadata.Name, ns);
            Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        }
        finally
        {
            fixture.Fleet.StartNode(node);
        }

        // Back: the node removes the pod the control plane replaced, and turns Ready again.
        await Wait.For(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 3 ? "three" : null, seconds: 30);
        await Wait.For(async () => (await fixture.Admin.CoreV1.ReadNodeAsync(node)).Status.Conditions.Single(c => c.Type == "Ready").Status == "True" ? "ready" : null);
        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("nl", ns);
    }
}
