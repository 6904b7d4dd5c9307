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
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", replicas: 6), ns);

        var pods = await RunningPodsAsync(ns, 6);
        Assert.All(pods, p => Assert.StartsWith("web-", p.Metadata.Name, StringComparison.Ordinal));
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.All(pods.GroupBy(p => p.Spec.NodeName), g => Assert.Equal(2, g.Count()));
        var deployment = await Eventually(async () =>
        {
            var d = await fixture.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
            return d.Status?.AvailableReplicas == 6 && d.Status.UpdatedReplicas == 6 ? d : null;
        });
        Assert.Equal("1", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        await fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":0}}""", V1Patch.PatchType.MergePatch), "web", ns);
        await Eventually(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0 ? "gone" : null);
        await fixture.Admin.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), "web", ns);
        await RunningPodsAsync(ns, 2);

        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("web", ns);
        await Eventually(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0
            && (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 0 ? "gone" : null);
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
    public async Task PodThatFitsNowhere_SaysWhy()
    {
        var ns = await NamespaceAsync();
        var huge = Deployment("huge", replicas: 1);
        huge.Spec.Template.Spec.Containers[0].Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("64") } };
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(huge, ns);

        var pending = await Eventually(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items
            .FirstOrDefault(p => p.Status?.Conditions?.Any(c => c.Type == "PodScheduled" && c.Status == "False") == true));
        var condition = pending.Status.Conditions.Single(c => c.Type == "PodScheduled");
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Equal("0/3 nodes are available: 3 Insufficient cpu.", condition.Message);
        var events = await Eventually(async () =>
        {
            var list = await fixture.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "reason=FailedScheduling");
            return list.Items.Count > 0 ? list : null;
        });
        Assert.Contains("Insufficient cpu", events.Items[0].Message, StringComparison.Ordinal);
    }

    private async Task<string> NamespaceAsync()
    {
        var ns = "cp-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        return ns;
    }

    private async Task<List<V1Pod>> RunningPodsAsync(string ns, int count, string? except = null) =>
        await Eventually(async () =>
        {
            var pods = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items
                .Where(p => p.Metadata.DeletionTimestamp is null && p.Metadata.Name != except).ToList();
            return pods.Count == count && pods.All(p => p.Status?.Phase == "Running") ? pods : null;
        }, seconds: 30);

    private static V1Deployment Deployment(string name, int replicas)
    {
        var labels = new Dictionary<string, string> { ["app"] = name };
        return new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers = [new V1Container { Name = "app", Image = "paas/hello:1", Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") } } }],
                        TopologySpreadConstraints = [new V1TopologySpreadConstraint { MaxSkew = 1, TopologyKey = "topology.kubernetes.io/zone", WhenUnsatisfiable = "DoNotSchedule", LabelSelector = new V1LabelSelector { MatchLabels = labels } }],
                    },
                },
            },
        };
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe, int seconds = 20)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {seconds} s");
            }

            await Task.Delay(100);
        }
    }
}
