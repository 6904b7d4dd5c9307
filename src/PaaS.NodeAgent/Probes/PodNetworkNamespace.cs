using System.Net;
using System.Net.Sockets;
using Docker.DotNet;

namespace PaaS.NodeAgent.Probes;

/// <summary>
/// Opens sockets inside a pod's network namespace, so a probe talks to the app the way a peer in the pod
/// would. Connecting to a port Docker publishes on the host proves nothing: Docker's userland proxy accepts
/// that connection even when the app behind it is dead. A socket belongs to the namespace it was created in,
/// whichever thread uses it later, so only its creation has to happen inside the namespace.
/// </summary>
/// <param name="pid">A host PID of a process in the pod (the sandbox's); its <c>/proc/&lt;pid&gt;/ns/net</c> is entered.</param>
public sealed class PodNetworkNamespace(int pid)
{
    public int Pid { get; } = pid;

    /// <summary>The network namespace of a running container (the pod's sandbox), found by its host PID.</summary>
    /// <exception cref="IOException">The container is not running or does not exist.</exception>
    public static async Task<PodNetworkNamespace> OfContainerAsync(IDockerClient docker, string containerId, CancellationToken ct)
    {
        var name = containerId[..Math.Min(12, containerId.Length)];
        try
        {
            var state = (await docker.Containers.InspectContainerAsync(containerId, ct)).State;
            return state is { Running: true, Pid: > 0 }
                ? new PodNetworkNamespace((int)state.Pid)
                : throw new IOException($"pod sandbox {name} is not running ({state?.Status})");
        }
        catch (DockerContainerNotFoundException)
        {
            throw new IOException($"pod sandbox {name} does not exist");
        }
    }

    /// <summary>A TCP connection made from inside the namespace.</summary>
    public async Task<Socket> ConnectAsync(IPAddress address, int port, CancellationToken ct)
    {
        var socket = CreateTcpSocket(address.AddressFamily);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An unconnected TCP socket created inside the namespace.</summary>
    /// <exception cref="IOException">The namespace cannot be entered (the process is gone, EPERM ...).</exception>
    public Socket CreateTcpSocket(AddressFamily family)
    {
        // setns moves only the calling thread, and this one ends as soon as the socket exists: the pod's
        // namespace never leaks into a thread-pool thread, so there is nothing to move back.
        Socket? socket = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                var fd = Libc.OpenNamespace($"/proc/{Pid}/ns/net");
                try
                {
                    Libc.EnterNetworkNamespace(fd, $"the network namespace of pid {Pid}");
                }
                finally
                {
                    Libc.CloseNamespace(fd);
                }

                socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception e)
            {
                error = e;
            }
        })
        { IsBackground = true, Name = $"netns {Pid}" };
        thread.Start();
        thread.Join();
        return socket ?? throw (error as IOException ?? new IOException($"network namespace of pid {Pid}: {error?.Message}", error));
    }
}
