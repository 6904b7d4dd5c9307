using Docker.DotNet;
using Docker.DotNet.Models;
using k8s;
using k8s.Models;
using PaaS.NodeAgent.Docker;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// API server, controllers and scheduler in this process; two node agents on the real Docker engine as
/// processes of their own, as on two machines: different node names and 127.x addresses, one engine.
/// </summary>
public sealed class DockerAgentsFixture() : PlatformFixture("api,controllers,scheduler", nodes: 0, otherNodes: [NodeA, NodeB])
{
    public static readonly string NodeA = "agent-a-" + Guid.NewGuid().ToString("N")[..6];
    public static readonly string NodeB = "agent-b-" + Guid.NewGuid().ToString("N")[..6];
    private readonly List<PartProcess> _agents = [];

    /// <summary>Starts the node agent of <paramref name="node"/>, publishing pod ports on <paramref name="address"/>.</summary>
    internal PartProcess StartAgent(string node, string address)
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Agent:SimulatedNodes"] = "0",
            ["Agent:DockerNode"] = node,
            ["Agent:NodeAddress"] = address,
            ["Agent:PortRange"] = node == NodeA ? "46000-46099" : "46100-46199",
            ["Agent:RelistInterval"] = "00:00:02",
        };
        var agent = PartProcess.Start("agent", settings, Home);
        lock (_agents)
        {
            _agents.Add(agent);
        }

        return agent;
    }

    public override async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            agent.Dispose();
        }

        // The agents are gone; their containers are not (as after a kubelet stops): remove them.
        using var docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
        foreach (var node in new[] { NodeA, NodeB })
        {
            foreach (var container in await DockerAgentsTests.ContainersAsync(docker, $"{DockerRuntime.NodeLabel}={node}"))
            {
                await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
        }

        foreach (var network in await docker.Networks.ListNetworksAsync(new NetworksListParameters()))
        {
            if (network.Name.StartsWith("paas-ns-da-", StringComparison.Ordinal) && (await docker.Networks.InspectNetworkAsync(network.ID)).Containers.Count == 0)
            {
                await docker.Networks.DeleteNetworkAsync(network.ID);
            }
        }

        await base.DisposeAsync();
    }
}

public sealed class DockerAgentsTests(DockerAgentsFixture fixture) : IClassFixture<DockerAgentsFixture>, IDisposable
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public void Dispose() => _docker.Dispose();

    [Fact]
    public async Task TwoAgents_ARestartAdoptsItsPods_AStoppedNodesPodsMoveOver_AndItCleansUpWhenBack()
    {
        var (a, b) = (DockerAgentsFixture.NodeA, DockerAgentsFixture.NodeB);
        var agentA = fixture.StartAgent(a, "127.0.0.2");
        fixture.StartAgent(b, "127.0.0.3");
        var ns = "da-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await Wait.Until(async () => (await fixture.Admin.CoreV1.ListNodeAsync()).Items.Count(n => n.Metadata.Name == a || n.Metadata.Name == b) == 2, seconds: 60);
        var deployment = Manifests.Deployment("web", 6, "paas/hello:1", null);
        deployment.Spec.Template.Spec.Containers[0].Ports = [new V1ContainerPort { ContainerPort = 8080 }];
        await fixture.Admin.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        var pods = await RunningPodsAsync(ns, 6, p => true);
        Assert.Contains(pods, p => p.Spec.NodeName == a);
        Assert.Contains(pods, p => p.Spec.NodeName == b);
        Assert.All(pods, p => Assert.StartsWith("8080/TCP=" + p.Status.HostIP + ":", p.Metadata.Annotations["paas.dev/published-ports"], StringComparison.Ordinal));
        using (var http = new HttpClient())
        {
            var onA = pods.First(p => p.Spec.NodeName == a);
            var address = onA.Metadata.Annotations["paas.dev/published-ports"].Split('=')[1];
            Assert.Equal($"Hello from {onA.Metadata.Name} (v1)", (await http.GetStringAsync(new Uri($"http://{address}/"))).Trim());
        }

        // 1. The agent restarts (SIGKILL, then again): it adopts what runs; nothing is duplicated or restarted.
        var before = (await ContainersAsync(_docker, $"{DockerRuntime.NodeLabel}={a}")).Select(c => c.ID).Order().ToList();
        agentA.Kill();
        agentA = fixture.StartAgent(a, "127.0.0.2");
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Equal(before, (await ContainersAsync(_docker, $"{DockerRuntime.NodeLabel}={a}")).Select(c => c.ID).Order().ToList());
        var afterRestart = await RunningPodsAsync(ns, 6, p => true);
        Assert.Equal(pods.Select(p => p.Metadata.Uid).Order(), afterRestart.Select(p => p.Metadata.Uid).Order());
        Assert.All(afterRestart, p => Assert.Equal(0, p.Status.ContainerStatuses[0].RestartCount));

        // 2. The agent stops for good: after the grace period and toleration its pods are replaced on the other node.
        agentA.Pause();
        var moved = await RunningPodsAsync(ns, 6, p => p.Spec.NodeName == b, seconds: 60);
        Assert.All(moved, p => Assert.Equal(b, p.Spec.NodeName));
        Assert.NotEmpty(await ContainersAsync(_docker, $"{DockerRuntime.NodeLabel}={a}"));

        // 3. It comes back: it removes the containers of the pods that were replaced.
        agentA.Resume();
        await Wait.Until(async () => (await ContainersAsync(_docker, $"{DockerRuntime.NodeLabel}={a}")).Count == 0, seconds: 60);
        Assert.Equal(6, (await RunningPodsAsync(ns, 6, p => p.Spec.NodeName == b)).Count);
    }

    private async Task<IList<V1Pod>> RunningPodsAsync(string ns, int count, Func<V1Pod, bool> where, int seconds = 90) =>
        await Wait.For(async () =>
        {
            var list = (await fixture.Admin.CoreV1.ListNamespacedPodAsync(ns)).Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
            return list.Count == count && list.All(p => p.Status?.Phase == "Running" && where(p) && p.Status.ContainerStatuses?.All(c => c.Ready == true) == true) ? list : null;
        }, seconds: seconds);

    internal static async Task<IList<ContainerListResponse>> ContainersAsync(DockerClient docker, string label) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        });
}
