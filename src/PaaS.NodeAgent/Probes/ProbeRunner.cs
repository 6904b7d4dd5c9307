using System.Net;
using System.Net.Sockets;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;

namespace PaaS.NodeAgent.Probes;

/// <summary>
/// Runs one Kubernetes probe against a container of a Docker pod, as the kubelet does: <c>httpGet</c> and
/// <c>tcpSocket</c> from inside the pod's network namespace, <c>exec</c> through <c>docker exec</c> in the
/// container. Never throws for a failing probe: every error (refused, timed out, sandbox gone) is a failure
/// with a message. <c>grpc</c> is not supported yet and fails saying so.
/// </summary>
public sealed class ProbeRunner(IDockerClient docker)
{
    /// <summary>As the kubelet: at most 10 KiB of a response body or a command's output is read.</summary>
    public const int MaxOutputBytes = 10 * 1024;

    public async Task<ProbeResult> RunAsync(V1Probe probe, ProbeTarget target, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds is > 0 and var seconds ? seconds : 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            return probe switch
            {
                { Exec: { } exec } => await ExecAsync(exec, target.ContainerId, deadline.Token),
                { HttpGet: { } http } => await HttpGetProbe.RunAsync(http, ResolvePort(http.Port, target.Container), await NamespaceAsync(target, deadline.Token), deadline.Token),
                { TcpSocket: { } tcp } => await TcpSocketAsync(tcp, ResolvePort(tcp.Port, target.Container), await NamespaceAsync(target, deadline.Token), deadline.Token),
                { Grpc: not null } => ProbeResult.Failure("grpc probes are not supported by this node agent"),
                _ => ProbeResult.Failure("the probe has no handler: set one of exec, httpGet, tcpSocket"),
            };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Failure($"probe timed out after {timeout.TotalSeconds:0.###}s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ProbeResult.Failure(e.Message);
        }
    }

    private Task<PodNetworkNamespace> NamespaceAsync(ProbeTarget target, CancellationToken ct) =>
        // Looked up for every probe: a restarted sandbox has a new PID.
        PodNetworkNamespace.OfContainerAsync(docker, target.SandboxContainerId, ct);

    /// <summary>A port number, or the name of one of the container's ports (as the kubelet resolves it).</summary>
    /// <exception cref="ArgumentException">Neither a valid number nor a name the container declares.</exception>
    internal static int ResolvePort(IntOrString? port, V1Container container)
    {
        var value = port?.Value ?? "";
        var number = int.TryParse(value, out var n) ? n
            : container.Ports?.FirstOrDefault(p => p.Name == value)?.ContainerPort
              ?? throw new ArgumentException($"port \"{value}\" is not a number and not the name of one of container \"{container.Name}\"'s ports");
        return number is > 0 and < 65536 ? number : throw new ArgumentException($"invalid port number: {number}");
    }

    /// <summary>
    /// The probe's <c>host</c>. Not set (the usual case): the pod itself; the kubelet dials the pod IP, and inside
    /// the pod's namespace 127.0.0.1 reaches the same listeners (except ones bound to the pod IP alone). Set: that
    /// address, dialled from inside the pod; a name is resolved by the node's resolver, as the kubelet does.
    /// </summary>
    internal static async Task<IPAddress> AddressAsync(string? host, CancellationToken ct) =>
        string.IsNullOrEmpty(host) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var literal) ? literal
        : (await Dns.GetHostAddressesAsync(host, ct))[0];

    private static async Task<ProbeResult> TcpSocketAsync(V1TCPSocketAction tcp, int port, PodNetworkNamespace pod, CancellationToken ct)
    {
        var address = await AddressAsync(tcp.Host, ct);
        try
        {
            using var socket = await pod.ConnectAsync(address, port, ct);
            return ProbeResult.Success($"tcp {address}:{port} connected");
        }
        catch (SocketException e)
        {
            return ProbeResult.Failure($"dial tcp {address}:{port}: {e.Message}");
        }
    }

    /// <summary>
    /// Runs the command in the container. On timeout the probe fails, but the command keeps running: Docker
    /// has no way to kill an exec (the kubelet with dockershim had the same limit).
    /// </summary>
    private async Task<ProbeResult> ExecAsync(V1ExecAction exec, string containerId, CancellationToken ct)
    {
        if (exec.Command is not { Count: > 0 } command)
        {
            return ProbeResult.Failure("exec probe has no command");
        }

        var created = await docker.Exec.ExecCreateContainerAsync(containerId, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true }, ct);
        string output;
        using (var stream = await docker.Exec.StartAndAttachContainerExecAsync(created.ID, tty: false, ct))
        {
            output = await ReadCappedAsync(stream, ct);
        }

        // The output ends a moment before the engine records the exit code.
        var inspected = await docker.Exec.InspectContainerExecAsync(created.ID, ct);
        while (inspected.Running)
        {
            await Task.Delay(10, ct);
            inspected = await docker.Exec.InspectContainerExecAsync(created.ID, ct);
        }

        return inspected.ExitCode == 0
            ? ProbeResult.Success(output)
            : ProbeResult.Failure($"command {string.Join(' ', command)} exited with {inspected.ExitCode}: {output}".TrimEnd(' ', ':'));
    }

    /// <summary>stdout and stderr together, the first <see cref="MaxOutputBytes"/>; the rest is drained unread.</summary>
    private static async Task<string> ReadCappedAsync(MultiplexedStream stream, CancellationToken ct)
    {
        var kept = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            // WaitAsync: the attached stream does not always honour the token by itself.
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct).WaitAsync(ct);
            if (read.EOF)
            {
                return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length).Trim();
            }

            kept.Write(buffer, 0, Math.Min(read.Count, MaxOutputBytes - (int)kept.Length));
        }
    }
}
