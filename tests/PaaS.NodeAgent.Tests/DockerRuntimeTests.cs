using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.NodeAgent.Docker;

namespace PaaS.NodeAgent.Tests;

/// <summary>The Docker runtime's pods on the real Docker engine (the images infra/test.sh builds: paas/pause, paas/busybox).</summary>
public sealed class DockerRuntimeTests : IAsyncLifetime
{
    private readonly RuntimeHarness _harness = new();
    private DockerClient _docker => _harness.Docker;
    private string _node => _harness.Node;
    private string _namespace => _harness.Namespace;
    private DockerRuntime Runtime => _harness.Runtime;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _harness.CleanUpAsync();

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

        var status = (await _harness.SyncAsync(pod)).Status;
        Assert.Equal("Running", status.Phase);
        Assert.False(string.IsNullOrEmpty(status.PodIP));

        var b = await ContainerIdAsync(pod, "b");
        Assert.Equal("written-by-a", await Eventually(() => ExecAsync(b, "cat", "/data/a.txt")));
        Assert.Equal("written-by-a", await Eventually(() => ExecAsync(b, "wget", "-qO-", "http://localhost:8080/a.txt")));
        Assert.Contains("httpd -f -p 8080", await ExecAsync(b, "ps"), StringComparison.Ordinal);
        Assert.Equal("duo", await ExecAsync(b, "hostname"));
        Assert.Equal("duo", await ExecAsync(await ContainerIdAsync(pod, "a"), "hostname"));
        Assert.Equal($"hi duo {_namespace} {status.PodIP}", await ExecAsync(b, "sh", "-c", "echo $GREETING $POD_NAME $POD_NAMESPACE $POD_IP"));
    }

    [Fact]
    public async Task ARestartedAgentFindsItsPods_AnotherNodesAgentDoesNot_AndStopRemovesEverythingWithTheNetwork()
    {
        var pod = Pod("solo", [new V1Container { Name = "app", Image = "paas/busybox:1", Command = ["sleep", "3600"], VolumeMounts = [new V1VolumeMount { Name = "shared", MountPath = "/s" }] }]);
        var first = (await _harness.SyncAsync(pod)).Status;

        // A fresh runtime object (as after an agent restart) finds the pod from the containers' labels and leaves it be.
        var restarted = _harness.NewRuntime();
        var found = Assert.Single(await restarted.ListPodsAsync(CancellationToken.None)).Value;
        Assert.Equal((pod.Metadata.Uid, _namespace, "solo"), (found.Uid, found.Namespace, found.Name));
        var again = (await restarted.SyncPodAsync(pod, found, CancellationToken.None)).Status;
        Assert.Equal(first.ContainerStatuses[0].ContainerID, again.ContainerStatuses[0].ContainerID);
        Assert.Equal(0, again.ContainerStatuses[0].RestartCount);
        Assert.Empty(await _harness.NewRuntime(_node + "-other").ListPodsAsync(CancellationToken.None));

        await Runtime.StopPodAsync(found, pod, CancellationToken.None);
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

        var refusal = await Assert.ThrowsAsync<PodSecurityException>(() => _harness.SyncAsync(pod));

        Assert.Contains("container \"app\" must not set spec.containers[0].securityContext.privileged=true", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await Runtime.ListPodsAsync(CancellationToken.None));
    }

    private V1Pod Pod(string name, List<V1Container> containers) => _harness.Pod(name, containers);

    private Task<string> ContainerIdAsync(V1Pod pod, string container) => _harness.ContainerIdAsync(pod, container);

    private Task<string> ExecAsync(string containerId, params string[] command) => _harness.ExecAsync(containerId, command);

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
