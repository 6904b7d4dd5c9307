using k8s.Models;

namespace PaaS.NodeAgent.Runtime;

/// <summary>
/// What the node agent needs from a container runtime: start a pod, stop it, and say which pods it
/// runs (so a restarted agent adopts them rather than starting them twice). The Docker runtime arrives
/// with the node agent issue; <see cref="Simulated.SimulatedRuntime"/> runs pods in memory.
/// </summary>
public interface IContainerRuntime
{
    Task<RuntimePod> StartPodAsync(V1Pod pod, CancellationToken ct);

    Task StopPodAsync(string podUid, CancellationToken ct);

    Task<IReadOnlyCollection<RuntimePod>> ListPodsAsync(CancellationToken ct);
}

/// <summary>A pod as the runtime runs it.</summary>
public sealed record RuntimePod(string Uid, string Namespace, string Name, DateTime StartedAt, string PodIp);
