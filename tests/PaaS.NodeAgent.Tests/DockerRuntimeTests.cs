using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.NodeAgent.Docker;

namespace PaaS.NodeAgent.Tests;

/// <summary>The Docker runtime on the real Docker engine (the images infra/test.sh builds: paas/pause, paas/busybox).</summary>
public sealed class DockerRuntimeTests : IAsyncLifetime
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
    private readonly string _node = "test-node-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _namespace = "rt-" + Guid.NewGuid().ToString("N")[..8];
    private DockerRuntime Runtime => new(_docker, _node);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var pod in await Runtime.ListPodsAsync(CancellationToken.None))
        {
            await Runtime.StopPodAsync(pod.Uid, CancellationToken.None);
        }

        foreach (var network in await _docker.Networks.ListNetworksAsync(new NetworksListParameters()))
        {
            if (network.Name == $"paas-ns-{_namespace}")
            {
                await _docker.Networks.DeleteNetworkAsync(network.ID);
            }
        }

        _docker.Dispose();
    }

    [Fact]
    public async Task TwoContainerPod_SharesLocalhostProcessesHostnameAndAnEmptyDir()
    {
        var pod = Pod("duo", [
            new V1Container
            {
                Name = "a", Image = "paas/busybox:1",
                Command = ["sh", "-c", "echo written-by-a > /shared/a.txt && exec httpd -f -p 8080 -h /shared"],
                VolumeMounts = [new V1VolumeMount { Name = "shared", MountPath = "/shared" }],
            },
            new V1Container
            {
                Name = "b", Image = "paas/busybox:1",
                Command = ["sleep", "3600"],
                Env =
                [
                    new V1EnvVar { Name = "GREETING", Value = "hi" },
                    new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
                    new V1EnvVar { Name = "POD_NAMESPACE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.namespace" } } },
                    new V1EnvVar { Name = "POD_IP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "status.podIP" } } },
                ],
                VolumeMounts = [new V1VolumeMount { Name = "shared", MountPath = "/data" }],
            },
        ]);

        var started = await Runtime.StartPodAsync(pod, CancellationToken.None);
        Assert.Equal(pod.Metadata.Uid, started.Uid);
        Assert.False(string.IsNullOrEmpty(started.PodIp));

        var b = await ContainerIdAsync(pod, "b");
        Assert.Equal("written-by-a", await Eventually(() => ExecAsync(b, "cat", "/data/a.txt")));
        Assert.Equal("written-by-a", await Eventually(() => ExecAsync(b, "wget", "-qO-", "http://localhost:8080/a.txt")));
        Assert.Contains("httpd -f -p 8080", await ExecAsync(b, "ps"), StringComparison.Ordinal);
        Assert.Equal("duo", await ExecAsync(b, "hostname"));
        Assert.Equal("duo", await ExecAsync(await ContainerIdAsync(pod, "a"), "hostname"));
        Assert.Equal($"hi duo {_namespace} {started.PodIp}", await ExecAsync(b, "sh", "-c", "echo $GREETING $POD_NAME $POD_NAMESPACE $POD_IP"));
    }

    [Fact]
    public async Task ARestartedAgentFindsItsPods_AnotherNodesAgentDoesNot_AndStopRemovesEverythingWithTheNetwork()
    {
        var pod = Pod("solo", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sleep", "3600"], VolumeMounts = [new V1VolumeMount { Name = "shared", MountPath = "/s" }] }]);
        await Runtime.StartPodAsync(pod, CancellationToken.None);

        // A fresh runtime object (as after an agent restart) finds the pod from the containers' labels.
        var found = Assert.Single(await new DockerRuntime(_docker, _node).ListPodsAsync(CancellationToken.None));
        Assert.Equal((pod.Metadata.Uid, _namespace, "solo"), (found.Uid, found.Namespace, found.Name));
        Assert.Empty(await new DockerRuntime(_docker, _node + "-other").ListPodsAsync(CancellationToken.None));

        await Runtime.StopPodAsync(pod.Metadata.Uid, CancellationToken.None);
        var left = await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}"] = true } },
        });
        Assert.Empty(left);
        var volumes = await _docker.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}"] = true } },
        });
        Assert.Empty(volumes.Volumes ?? []);
        // The namespace's network went with its last pod.
        Assert.DoesNotContain(await _docker.Networks.ListNetworksAsync(new NetworksListParameters()), n => n.Name == $"paas-ns-{_namespace}");
    }

    [Fact]
    public async Task APrivilegedPod_IsRefusedBeforeAnythingIsCreated()
    {
        var pod = Pod("root", [new V1Container { Name = "app", Image = "paas/busybox:1", SecurityContext = new V1SecurityContext { Privileged = true } }]);

        var refusal = await Assert.ThrowsAsync<PodSecurityException>(() => Runtime.StartPodAsync(pod, CancellationToken.None));

        Assert.Contains("container \"app\" must not set spec.containers[0].securityContext.privileged=true", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await Runtime.ListPodsAsync(CancellationToken.None));
    }

    private V1Pod Pod(string name, List<V1Container> containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = _namespace, Uid = Guid.NewGuid().ToString() },
        Spec = new V1PodSpec { Containers = containers, Volumes = [new V1Volume { Name = "shared", EmptyDir = new V1EmptyDirVolumeSource() }] },
    };

    private async Task<string> ContainerIdAsync(V1Pod pod, string container)
    {
        var list = await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{DockerRuntime.PodUidLabel}={pod.Metadata.Uid}"] = true, [$"{DockerRuntime.ContainerLabel}={container}"] = true },
            },
        });
        return Assert.Single(list).ID;
    }

    private async Task<string> ExecAsync(string containerId, params string[] command)
    {
        var exec = await _docker.Exec.ExecCreateContainerAsync(containerId, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using var stream = await _docker.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        return (stdout + stderr).Trim();
    }

    /// <summary>The app in a just-started container may need a moment (a file written, a port opened).</summary>
    private static async Task<string> Eventually(Func<Task<string>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var result = await probe();
            if (result == "written-by-a" || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }
}
