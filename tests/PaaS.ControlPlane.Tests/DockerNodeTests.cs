using Docker.DotNet;
using Docker.DotNet.Models;
using k8s;
using k8s.Models;
using PaaS.NodeAgent.Docker;

namespace PaaS.ControlPlane.Tests;

/// <summary>The platform with one node on the real Docker engine (no simulated nodes).</summary>
public sealed class DockerNodeFixture() : PlatformFixture("api,agent,controllers,scheduler", nodes: 0, dockerNode: Node)
{
    public static readonly string Node = "docker-" + Guid.NewGuid().ToString("N")[..8];
}

[CollectionDefinition(Name)]
public sealed class DockerNodeGroup : ICollectionFixture<DockerNodeFixture>
{
    public const string Name = "docker node";
}

/// <summary>A deployment's pods run as real containers on the Docker node and go away with it.</summary>
[Collection(DockerNodeGroup.Name)]
public sealed class DockerNodeTests(DockerNodeFixture fixture)
{
    [Fact]
    public async Task DeploymentPods_RunAsRealContainers_AndAreRemovedWithTheDeployment()
    {
        using var docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
        var ns = "dn-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(Manifests.Deployment("sleeper", 2, "paas/busybox:1", ["sleep", "3600"]), ns);

        var pods = await Wait.For(async () =>
        {
            var list = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items;
            return list.Count == 2 && list.All(p => p.Status?.Phase == "Running") ? list : null;
        }, seconds: 60);
        Assert.All(pods, p => Assert.Equal(DockerNodeFixture.Node, p.Spec.NodeName));
        foreach (var pod in pods)
        {
            var containers = await DockerAgentsTests.ContainersAsync(docker, $"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}");
            Assert.Equal(["container", "sandbox"], containers.Select(c => c.Labels[DockerRuntime.RoleLabel]).Order());
            Assert.All(containers, c => Assert.Equal("running", c.State));
        }

        await fixture.Admin.AppsV1.DeleteNamespacedDeploymentAsync("sleeper", ns);
        await Wait.Until(async () => (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0, seconds: 60);
        foreach (var pod in pods)
        {
            Assert.Empty(await DockerAgentsTests.ContainersAsync(docker, $"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}"));
        }

        Assert.DoesNotContain(await docker.Networks.ListNetworksAsync(new NetworksListParameters()), n => n.Name == $"paas-ns-{ns}");
    }
}
