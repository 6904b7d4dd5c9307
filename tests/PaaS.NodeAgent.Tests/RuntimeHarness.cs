using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using PaaS.NodeAgent.Config;
using PaaS.NodeAgent.Docker;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Tests;

/// <summary>
/// A Docker runtime for one test on the real engine: its own node name, namespace, state directory and port
/// range, ConfigMaps and Secrets served from memory, a 1 s crash-loop back-off; everything removed afterwards.
/// </summary>
internal sealed class RuntimeHarness
{
    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
    public string Node { get; } = "test-node-" + Guid.NewGuid().ToString("N")[..8];
    public string Namespace { get; } = "rt-" + Guid.NewGuid().ToString("N")[..8];
    public InMemoryConfig Config { get; } = new();
    public NodeAgentOptions Options { get; }
    public DockerRuntime Runtime { get; }

    public RuntimeHarness()
    {
        var ports = 45000 + Random.Shared.Next(0, 40) * 100;
        Options = new NodeAgentOptions
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), "paas-agent-tests"),
            PortRange = $"{ports}-{ports + 99}",
            RestartBackOff = TimeSpan.FromSeconds(1),
        };
        Runtime = NewRuntime();
    }

    /// <summary>Another runtime object, as an agent restart makes one (or, with another name, another node's).</summary>
    public DockerRuntime NewRuntime(string? node = null) => new(Docker, node ?? Node, Options, Config, TimeProvider.System, NullLogger.Instance);

    /// <summary>One sync of the pod, as the agent does it: what runs of it now, then bring it in line.</summary>
    public async Task<PodRuntimeStatus> SyncAsync(V1Pod pod)
    {
        var running = await Runtime.ListPodsAsync(CancellationToken.None);
        return await Runtime.SyncPodAsync(pod, running.GetValueOrDefault(pod.Metadata.Uid), CancellationToken.None);
    }

    /// <summary>Syncs every 200 ms until the status satisfies <paramref name="done"/>; returns every status seen.</summary>
    public async Task<List<V1PodStatus>> SyncUntilAsync(V1Pod pod, Func<V1PodStatus, bool> done, TimeSpan timeout)
    {
        var seen = new List<V1PodStatus>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = (await SyncAsync(pod)).Status;
            seen.Add(status);
            if (done(status))
            {
                return seen;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the pod's status never got there; last: {k8s.KubernetesJson.Serialize(seen.LastOrDefault())}");
    }

    public V1Pod Pod(string name, List<V1Container> containers, string? restartPolicy = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Uid = Guid.NewGuid().ToString() },
        Spec = new V1PodSpec { Containers = containers, RestartPolicy = restartPolicy, Volumes = [new V1Volume { Name = "shared", EmptyDir = new V1EmptyDirVolumeSource() }] },
    };

    public async Task<string> ContainerIdAsync(V1Pod pod, string container)
    {
        var list = await Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}"] = true, [$"{DockerRuntime.ContainerLabel}={container}"] = true },
            },
        });
        return Assert.Single(list).ID;
    }

    public async Task<string> ExecAsync(string containerId, params string[] command)
    {
        var exec = await Docker.Exec.ExecCreateContainerAsync(containerId, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using var stream = await Docker.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        return (stdout + stderr).Trim();
    }

    /// <summary>Stops what the test left running and removes the network (the engine runs out of address pools after about 30).</summary>
    public async Task CleanUpAsync()
    {
        foreach (var pod in (await Runtime.ListPodsAsync(CancellationToken.None)).Values)
        {
            await Runtime.StopPodAsync(pod, null, CancellationToken.None);
        }

        foreach (var network in await Docker.Networks.ListNetworksAsync(new NetworksListParameters()))
        {
            if (network.Name == $"paas-ns-{Namespace}")
            {
                await Docker.Networks.DeleteNetworkAsync(network.ID);
            }
        }

        Runtime.Dispose();
        Docker.Dispose();
    }

    /// <summary>ConfigMaps and Secrets for the runtime, kept in memory.</summary>
    internal sealed class InMemoryConfig : IPodConfigSource
    {
        public Dictionary<string, V1ConfigMap> ConfigMaps { get; } = [];
        public Dictionary<string, V1Secret> Secrets { get; } = [];

        public Task<V1ConfigMap?> ConfigMapAsync(string ns, string name, CancellationToken ct) => Task.FromResult(ConfigMaps.GetValueOrDefault(name));

        public Task<V1Secret?> SecretAsync(string ns, string name, CancellationToken ct) => Task.FromResult(Secrets.GetValueOrDefault(name));
    }
}
