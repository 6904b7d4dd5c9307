using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.NodeAgent.Probes;

namespace PaaS.NodeAgent.Tests.Probes;

/// <summary>
/// A pod shaped as the Docker runtime makes it, on the real engine: a <c>paas/pause:1</c> sandbox on a fresh
/// network of its own, and one app container joined to the sandbox's network namespace. Disposing removes
/// both and the network (the engine runs out of address pools after about 30 networks).
/// </summary>
internal sealed class TestPod : IAsyncDisposable
{
    private readonly DockerClient _docker;
    private readonly string _network;

    private TestPod(DockerClient docker, string network, string sandboxId, string appId, V1Container container)
    {
        _docker = docker;
        _network = network;
        Target = new ProbeTarget(sandboxId, appId, container);
    }

    public ProbeTarget Target { get; }

    /// <summary>Busybox serving /www with httpd on 8080 (a 200 at /healthz, a redirect at /dir, a CGI that takes 5 s at /cgi-bin/slow) and nc on 9000.</summary>
    public static V1Container WebApp() => new()
    {
        Name = "web",
        Image = "paas/busybox:1",
        Command =
        [
            "sh", "-c",
            "mkdir -p /www/cgi-bin /www/dir && echo ok > /www/healthz && echo inside > /www/dir/index.html"
            + " && printf '#!/bin/sh\\nsleep 5\\necho Content-Type: text/plain\\necho\\necho slow\\n' > /www/cgi-bin/slow && chmod +x /www/cgi-bin/slow"
            + " && httpd -p 8080 -h /www && exec nc -ll -p 9000 -e true",
        ],
        Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
    };

    /// <param name="publishOnLoopback">A container port the sandbox publishes on 127.0.0.1 (a random host port), as a pod's hostPort would.</param>
    public static async Task<TestPod> StartAsync(DockerClient docker, V1Container app, int? publishOnLoopback = null)
    {
        var network = "probes-" + Guid.NewGuid().ToString("N")[..8];
        await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = network });
        string? sandbox = null;
        try
        {
            sandbox = (await docker.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = network + "-sandbox",
                Image = "paas/pause:1",
                ExposedPorts = publishOnLoopback is { } exposed ? new Dictionary<string, EmptyStruct> { [$"{exposed}/tcp"] = default } : null,
                HostConfig = new HostConfig
                {
                    NetworkMode = network,
                    PortBindings = publishOnLoopback is { } published
                        ? new Dictionary<string, IList<PortBinding>> { [$"{published}/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }] }
                        : null,
                },
            })).ID;
            await docker.Containers.StartContainerAsync(sandbox, new ContainerStartParameters());
            var appId = (await docker.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = network + "-" + app.Name,
                Image = app.Image,
                Entrypoint = app.Command?.ToList(),
                HostConfig = new HostConfig { NetworkMode = $"container:{sandbox}" },
            })).ID;
            var pod = new TestPod(docker, network, sandbox, appId, app);
            await docker.Containers.StartContainerAsync(appId, new ContainerStartParameters());
            return pod;
        }
        catch
        {
            await RemoveAsync(docker, network, sandbox);
            throw;
        }
    }

    /// <summary>The host port on 127.0.0.1 Docker published <paramref name="containerPort"/> on.</summary>
    public async Task<int> PublishedPortAsync(int containerPort)
    {
        var sandbox = await _docker.Containers.InspectContainerAsync(Target.SandboxContainerId);
        return int.Parse(sandbox.NetworkSettings.Ports[$"{containerPort}/tcp"][0].HostPort, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Kills the app; the sandbox, and with it the pod's network namespace, lives on.</summary>
    public Task KillAppAsync() => _docker.Containers.KillContainerAsync(Target.ContainerId, new ContainerKillParameters());

    public Task KillSandboxAsync() => _docker.Containers.KillContainerAsync(Target.SandboxContainerId, new ContainerKillParameters());

    public async ValueTask DisposeAsync()
    {
        await TryRemoveContainerAsync(_docker, Target.ContainerId);
        await RemoveAsync(_docker, _network, Target.SandboxContainerId);
    }

    private static async Task RemoveAsync(DockerClient docker, string network, string? sandbox)
    {
        if (sandbox is not null)
        {
            await TryRemoveContainerAsync(docker, sandbox);
        }

        await docker.Networks.DeleteNetworkAsync(network);
    }

    private static async Task TryRemoveContainerAsync(DockerClient docker, string id)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed by the test itself.
        }
    }
}
