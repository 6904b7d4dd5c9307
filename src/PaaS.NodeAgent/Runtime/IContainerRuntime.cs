using k8s.Models;

namespace PaaS.NodeAgent.Runtime;

/// <summary>
/// What the node agent needs from a container runtime, the kubelet's pod lifecycle: list the pods it runs (so
/// a restarted agent adopts them rather than starting them twice), bring one pod in line with its spec and say
/// how it is doing, stop one gracefully, and describe the node. <see cref="Docker.DockerRuntime"/> runs real
/// containers; <see cref="Simulated.SimulatedRuntime"/> runs pods in memory for scale tests.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>Raised when something changed that the pods' status should show (a container died, a probe flipped, a back-off ended).</summary>
    event Action? PodsChanged;

    Task<IReadOnlyDictionary<string, RuntimePod>> ListPodsAsync(CancellationToken ct);

    /// <summary>
    /// Starts what is missing of <paramref name="pod"/> (<paramref name="running"/> is what runs of it now, if
    /// anything), restarts dead containers as its restartPolicy says, and returns the status the pod should report.
    /// </summary>
    Task<PodRuntimeStatus> SyncPodAsync(V1Pod pod, RuntimePod? running, CancellationToken ct);

    /// <summary>Stops and removes a pod: preStop hooks, SIGTERM, the grace period, SIGKILL. <paramref name="pod"/> is null for a pod the API no longer has.</summary>
    Task StopPodAsync(RuntimePod running, V1Pod? pod, CancellationToken ct);

    /// <summary>Fills in what the runtime knows of the node: capacity, pressure conditions, versions.</summary>
    Task DescribeNodeAsync(V1NodeStatus status, CancellationToken ct);
}

/// <summary>A pod as the runtime runs it.</summary>
public record RuntimePod(string Uid, string Namespace, string Name, DateTime StartedAt, string PodIp);

/// <summary>
/// The status a pod should report, and the container ports published on the node for it
/// (<c>8080/TCP=127.0.0.1:40001,...</c>; see <see cref="NodeAgent.PublishedPortsAnnotation"/>).
/// </summary>
public sealed record PodRuntimeStatus(V1PodStatus Status, string? PublishedPorts = null);
