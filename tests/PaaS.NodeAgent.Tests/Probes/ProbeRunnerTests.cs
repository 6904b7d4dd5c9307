using System.Diagnostics;
using k8s.Models;
using PaaS.NodeAgent.Probes;

namespace PaaS.NodeAgent.Tests.Probes;

/// <summary>Probes against a live busybox pod on the real Docker engine, from inside the pod's network namespace.</summary>
public sealed class ProbeRunnerTests(WebPodFixture pod) : IClassFixture<WebPodFixture>
{
    private readonly ProbeRunner _runner = new(pod.Docker);

    private Task<ProbeResult> RunAsync(V1Probe probe) => _runner.RunAsync(probe, pod.Target, CancellationToken.None);

    private static V1Probe HttpGet(string path, IntOrString port, int timeoutSeconds = 1) =>
        new() { HttpGet = new V1HTTPGetAction { Path = path, Port = port }, TimeoutSeconds = timeoutSeconds };

    [Fact]
    public async Task HttpGet_PathThatExists_Succeeds()
    {
        var result = await RunAsync(HttpGet("/healthz", 8080));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("HTTP probe succeeded with statuscode: 200", result.Message);
    }

    [Fact]
    public async Task HttpGet_MissingPath_FailsWithTheStatusCode()
    {
        var result = await RunAsync(HttpGet("/missing", 8080));

        Assert.False(result.Succeeded);
        Assert.StartsWith("HTTP probe failed with statuscode: 404", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpGet_NamedPort_IsResolvedThroughTheContainersPorts()
    {
        var result = await RunAsync(HttpGet("/healthz", "http"));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task HttpGet_UnknownNamedPort_FailsNamingIt()
    {
        var result = await RunAsync(HttpGet("/healthz", "metrics"));

        Assert.False(result.Succeeded);
        Assert.Contains("port \"metrics\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpGet_RedirectOnTheSameHost_IsFollowedToItsTarget()
    {
        // busybox httpd answers /dir with 302 to /dir/, which answers 200: the status is the target's.
        var result = await RunAsync(HttpGet("/dir", 8080));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("HTTP probe succeeded with statuscode: 200", result.Message);
    }

    [Fact]
    public async Task HttpGet_SlowerThanTheTimeout_FailsAsTimedOut()
    {
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(HttpGet("/cgi-bin/slow", 8080, timeoutSeconds: 1));

        Assert.False(result.Succeeded);
        Assert.Equal("probe timed out after 1s", result.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task TcpSocket_ListeningPort_Succeeds()
    {
        var result = await RunAsync(new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 9000 } });

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task TcpSocket_PortNobodyListensOn_FailsAsRefused()
    {
        var result = await RunAsync(new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 9999 } });

        Assert.False(result.Succeeded);
        Assert.Equal("dial tcp 127.0.0.1:9999: Connection refused", result.Message);
    }

    [Fact]
    public async Task Exec_CommandExitingZero_SucceedsWithItsOutput()
    {
        var result = await RunAsync(new V1Probe { Exec = new V1ExecAction { Command = ["sh", "-c", "cat /www/healthz"] } });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("ok", result.Message);
    }

    [Fact]
    public async Task Exec_CommandExitingOne_FailsWithExitCodeAndOutput()
    {
        var result = await RunAsync(new V1Probe { Exec = new V1ExecAction { Command = ["sh", "-c", "echo not yet >&2; exit 1"] } });

        Assert.False(result.Succeeded);
        Assert.Equal("command sh -c echo not yet >&2; exit 1 exited with 1: not yet", result.Message);
    }

    [Fact]
    public async Task Exec_CommandSlowerThanTheTimeout_FailsAsTimedOut()
    {
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(new V1Probe { Exec = new V1ExecAction { Command = ["sleep", "5"] }, TimeoutSeconds = 1 });

        Assert.False(result.Succeeded);
        Assert.Equal("probe timed out after 1s", result.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Grpc_FailsAsNotSupported()
    {
        var result = await RunAsync(new V1Probe { Grpc = new V1GRPCAction { Port = 9000 } });

        Assert.False(result.Succeeded);
        Assert.Equal("grpc probes are not supported by this node agent", result.Message);
    }
}
