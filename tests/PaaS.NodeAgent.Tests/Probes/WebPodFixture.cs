using Docker.DotNet;
using k8s.Models;
using PaaS.NodeAgent.Probes;

namespace PaaS.NodeAgent.Tests.Probes;

/// <summary>One <see cref="TestPod.WebApp"/> pod shared by the probe tests that leave it running.</summary>
public sealed class WebPodFixture : IAsyncLifetime
{
    private static readonly V1Probe[] ServingPorts =
        [new() { TcpSocket = new V1TCPSocketAction { Port = 8080 } }, new() { TcpSocket = new V1TCPSocketAction { Port = 9000 } }];

    private TestPod? _pod;

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public ProbeTarget Target => _pod!.Target;

    public async Task InitializeAsync()
    {
        _pod = await TestPod.StartAsync(Docker, TestPod.WebApp());
        await WaitUntilServingAsync(new ProbeRunner(Docker), _pod.Target);
    }

    /// <summary>The app's servers need a moment after the container starts.</summary>
    internal static async Task WaitUntilServingAsync(ProbeRunner runner, ProbeTarget target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        foreach (var probe in ServingPorts)
        {
            while (!(await runner.RunAsync(probe, target, CancellationToken.None)).Succeeded && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_pod is not null)
        {
            await _pod.DisposeAsync();
        }

        Docker.Dispose();
    }
}
