using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using k8s.Models;
using PaaS.NodeAgent.Probes;

namespace PaaS.NodeAgent.Tests.Probes;

/// <summary>
/// The reason probes run inside the pod's network namespace: once the app is dead they must fail, although
/// the sandbox (and a port Docker would publish for it) lives on.
/// </summary>
public sealed class DeadAppTests : IDisposable
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();

    public void Dispose() => _docker.Dispose();

    [Fact]
    public async Task Probes_AfterTheAppContainerIsKilled_FailWhileTheSandboxLives()
    {
        await using var pod = await TestPod.StartAsync(_docker, TestPod.WebApp(), publishOnLoopback: 9000);
        var runner = new ProbeRunner(_docker);
        await WebPodFixture.WaitUntilServingAsync(runner, pod.Target);
        var tcp = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 9000 } };
        var http = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "http" } };
        Assert.True((await runner.RunAsync(tcp, pod.Target, CancellationToken.None)).Succeeded);
        Assert.True((await runner.RunAsync(http, pod.Target, CancellationToken.None)).Succeeded);

        await pod.KillAppAsync();

        var tcpAfter = await runner.RunAsync(tcp, pod.Target, CancellationToken.None);
        var httpAfter = await runner.RunAsync(http, pod.Target, CancellationToken.None);
        Assert.Equal((false, "dial tcp 127.0.0.1:9000: Connection refused"), (tcpAfter.Succeeded, tcpAfter.Message));
        Assert.False(httpAfter.Succeeded);
        Assert.Contains("Connection refused", httpAfter.Message, StringComparison.Ordinal);

        // What a probe through the published port would have believed: Docker's proxy still accepts.
        using var viaHost = new TcpClient();
        await viaHost.ConnectAsync(IPAddress.Loopback, await pod.PublishedPortAsync(9000));
        Assert.True(viaHost.Connected);
    }

    [Fact]
    public async Task Probes_AfterTheSandboxDied_FailSayingSo()
    {
        await using var pod = await TestPod.StartAsync(_docker, TestPod.WebApp());
        await pod.KillSandboxAsync();

        var result = await new ProbeRunner(_docker).RunAsync(new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 9000 } }, pod.Target, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal($"pod sandbox {pod.Target.SandboxContainerId[..12]} is not running (exited)", result.Message);
    }

    [Fact]
    public async Task ContainerProber_OnARealPod_IsReadyThenRequestsAKillOnceTheAppDies()
    {
        var app = TestPod.WebApp();
        app.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "http" }, PeriodSeconds = 1 };
        app.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 9000 }, PeriodSeconds = 1, FailureThreshold = 2 };
        await using var pod = await TestPod.StartAsync(_docker, app);
        var runner = new ProbeRunner(_docker);
        await using var prober = new ContainerProber(app, (probe, ct) => runner.RunAsync(probe, pod.Target, ct), TimeProvider.System);
        var ready = new TaskCompletionSource();
        var kill = new TaskCompletionSource<string>();
        prober.StatusChanged += status => { if (status.Ready) { ready.TrySetResult(); } };
        prober.KillRequested += reason => kill.TrySetResult(reason);
        prober.Start();

        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await pod.KillAppAsync();
        var reason = await kill.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Container web failed liveness probe, will be restarted: dial tcp 127.0.0.1:9000: Connection refused", reason);
        Assert.False(prober.Status.Ready);
    }
}
