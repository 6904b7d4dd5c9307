using k8s;
using k8s.Models;

namespace PaaS.ControlPlane.Tests;

/// <summary>Deleting an owner deletes its dependents (background, foreground) or releases them (orphan).</summary>
[Collection(ControlPlaneGroup.Name)]
public sealed class GarbageCollectionTests(ControlPlaneFixture fixture)
{
    [Theory]
    [InlineData("Background")]
    [InlineData("Foreground")]
    public async Task DeletingADeployment_DeletesItsReplicaSetsAndPods(string propagation)
    {
        var (ns, _, replicaSet) = await OwnerChainAsync();

        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("web", ns, new V1DeleteOptions { PropagationPolicy = propagation });

        try
        {
            await Wait.Until(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0
                && (await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count == 0
                && (await fixture.Admin.AppsV1.ListNamespacedDeploymentAsync(ns)).Items.Count == 0);
        }
        catch (TimeoutException)
        {
            var left = string.Join("\n", (await fixture.Admin.AppsV1.ListNamespacedDeploymentAsync(ns)).Items.Select(d => KubernetesJson.Serialize(d))
                .Concat((await fixture.Admin.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Select(r => KubernetesJson.Serialize(r)))
                .Concat((await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(p => p.Metadata.Name)));
            throw new TimeoutException(left);
        }
        Assert.NotNull(replicaSet);
    }

    [Fact]
    public async Task OrphanDelete_KeepsTheDependents_WithoutTheOwnerReference()
    {
        var (ns, _, _) = await OwnerChainAsync();

        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("web", ns, new V1DeleteOptions { PropagationPolicy = "Orphan" });

        await Wait.Until(async () => (await fixture.Admin.AppsV1.ListNamespacedDeploymentAsync(ns)).Items.Count == 0);
        var replicaSet = await fixture.Admin.AppsV1.ReadNamespacedReplicaSetAsync("web-1", ns);
        Assert.Empty(replicaSet.Metadata.OwnerReferences ?? []);
        Assert.Equal(2, (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count);
    }

    /// <summary>
    /// Deployment web → ReplicaSet web-1 → pods web-1-a and web-1-b, linked by owner references as the
    /// controllers link them (2 replicas each, so the running controllers keep exactly these; the deployment
    /// is paused so its controller does not make a ReplicaSet of its own before this one exists).
    /// </summary>
    private async Task<(string Namespace, V1Deployment Deployment, V1ReplicaSet ReplicaSet)> OwnerChainAsync()
    {
        var ns = "gc-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var labels = new Dictionary<string, string> { ["app"] = "web" };
        var template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "paas/hello:1" }] },
        };
        var deployment = await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1DeploymentSpec { Replicas = 2, Paused = true, Selector = new V1LabelSelector { MatchLabels = labels }, Template = template },
        }, ns);
        var replicaSet = await fixture.Admin.AppsV1.CreateNamespacedReplicaSetAsync(new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = "web-1", OwnerReferences = [Owner(deployment)] },
            Spec = new V1ReplicaSetSpec { Replicas = 2, Selector = new V1LabelSelector { MatchLabels = labels }, Template = template },
        }, ns);
        foreach (var suffix in new[] { "a", "b" })
        {
            await fixture.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "web-1-" + suffix, Labels = labels, OwnerReferences = [Owner(replicaSet)] },
                Spec = template.Spec,
            }, ns);
        }

        return (ns, deployment, replicaSet);
    }

    private static V1OwnerReference Owner(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion ?? "apps/v1",
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
