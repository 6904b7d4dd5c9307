using Docker.DotNet.Models;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Docker;

/// <summary>A pod as found on the engine: its sandbox (if it still exists) and its app containers, every attempt of each.</summary>
internal sealed record DockerPod(string Uid, string Namespace, string Name, DateTime StartedAt, string PodIp,
    ContainerListResponse? Sandbox, IReadOnlyList<ContainerListResponse> Containers) : RuntimePod(Uid, Namespace, Name, StartedAt, PodIp)
{
    public bool SandboxRunning => Sandbox?.State == "running";

    /// <summary>The container's attempts, newest first.</summary>
    public IEnumerable<ContainerListResponse> Attempts(string container) => Containers
        .Where(c => c.Labels.TryGetValue(DockerRuntime.ContainerLabel, out var name) && name == container)
        .OrderByDescending(DockerRuntime.AttemptOf);

    /// <summary>The <c>8080/TCP=127.0.0.1:40001,...</c> the sandbox publishes.</summary>
    public string? PublishedPorts => Sandbox?.Labels.TryGetValue(DockerRuntime.PublishedPortsLabel, out var ports) == true && ports.Length > 0 ? ports : null;

    public IEnumerable<int> HostPorts => (PublishedPorts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => int.Parse(p[(p.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
