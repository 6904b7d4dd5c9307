using Docker.DotNet;
using Docker.DotNet.Models;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using PaaS.NodeAgent.Logs;

namespace PaaS.NodeAgent.Tests.Logs;

/// <summary>The shipper between a real container (paas/busybox:1) and a real API server on PostgreSQL.</summary>
public sealed class ContainerLogShipperTests(LogApiFixture api) : IClassFixture<LogApiFixture>, IAsyncLifetime
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
    private readonly List<string> _containers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _containers)
        {
            await _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }

        _docker.Dispose();
    }

    [Fact]
    public async Task Follow_ShipsEveryLineOfBothStreams_AndASecondShipperAfterTheFirstStoppedShipsTheRestWithoutDuplicates()
    {
        var pod = await api.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "printer-" + Guid.NewGuid().ToString("N")[..6] },
            Spec = new V1PodSpec { NodeName = api.Node, Containers = [new V1Container { Name = "app", Image = "paas/busybox:1" }] },
        }, "default");
        const int Lines = 30;
        var id = await RunAsync($"for i in $(seq 1 {Lines}); do echo line $i; sleep 0.1; done; echo done >&2");
        using var nodeClient = api.NodeClient();

        var first = new ContainerLogShipper(_docker, nodeClient, api.Node, NullLogger<ContainerLogShipper>.Instance);
        first.Follow(id, "default", pod.Metadata.Name, pod.Metadata.Uid, "app", attempt: 0);
        await Until(async () => (await LogAsync(pod)).Count >= 5);
        // Stopped mid-output, as a crashed or restarted agent would be.
        await first.DisposeAsync();
        var shippedByFirst = (await LogAsync(pod)).Count;
        Assert.InRange(shippedByFirst, 5, Lines - 5);

        await using var second = new ContainerLogShipper(_docker, nodeClient, api.Node, NullLogger<ContainerLogShipper>.Instance);
        second.Follow(id, "default", pod.Metadata.Name, pod.Metadata.Uid, "app", attempt: 0);
        await second.WhenShippedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        var expected = Enumerable.Range(1, Lines).Select(i => $"line {i}").Append("done").ToList();
        Assert.Equal(expected, await LogAsync(pod));

        // A third shipper finds the container's cursor at its last line and adds nothing.
        await using var third = new ContainerLogShipper(_docker, nodeClient, api.Node, NullLogger<ContainerLogShipper>.Instance);
        third.Follow(id, "default", pod.Metadata.Name, pod.Metadata.Uid, "app", attempt: 0);
        await third.WhenShippedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(expected, await LogAsync(pod));
    }

    private async Task<string> RunAsync(string script)
    {
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "paas/busybox:1",
            Entrypoint = ["sh", "-c", script],
            Labels = new Dictionary<string, string> { ["paas.dev/test"] = "log-shipper" },
        });
        _containers.Add(created.ID);
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    private async Task<List<string>> LogAsync(V1Pod pod)
    {
        await using var stream = await api.Admin.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, "default");
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
