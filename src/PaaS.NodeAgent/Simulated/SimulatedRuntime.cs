using System.Collections.Concurrent;
using k8s.Models;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Simulated;

/// <summary>
/// A <b>simulated</b> container runtime, like Kubernetes' kubemark "hollow nodes": a pod "starts"
/// instantly in memory, is Running and Ready at once, and runs until stopped. Nothing is executed. It lets
/// hundreds of nodes run in one process for scale tests and benchmarks of the control plane.
/// </summary>
public sealed class SimulatedRuntime(TimeProvider time, int nodeIndex) : IContainerRuntime
{
    private static readonly string[] ReadyConditions = ["Initialized", "Ready", "ContainersReady", "PodScheduled"];
    private readonly ConcurrentDictionary<string, RuntimePod> _pods = new(StringComparer.Ordinal);
    private int _nextIp;

    /// <summary>Never raised: nothing changes by itself in a simulated pod.</summary>
    public event Action? PodsChanged { add { } remove { } }

    public Task<IReadOnlyDictionary<string, RuntimePod>> ListPodsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, RuntimePod>>(new Dictionary<string, RuntimePod>(_pods));

    public Task<PodRuntimeStatus> SyncPodAsync(V1Pod pod, RuntimePod? running, CancellationToken ct)
    {
        var started = _pods.GetOrAdd(pod.Metadata.Uid, uid =>
        {
            var ip = Interlocked.Increment(ref _nextIp);
            // 10.(200+node/256).(node%256).x: distinct made-up addresses per simulated node; nothing routes to them.
            var address = $"10.{200 + (nodeIndex / 256 % 50)}.{nodeIndex % 256}.{ip % 250 + 2}";
            return new RuntimePod(uid, pod.Metadata.NamespaceProperty, pod.Metadata.Name, time.GetUtcNow().UtcDateTime, address);
        });
        var status = new V1PodStatus
        {
            Phase = "Running",
            Conditions = ReadyConditions.Select(type => new V1PodCondition { Type = type, Status = "True", LastTransitionTime = started.StartedAt }).ToList(),
            PodIP = started.PodIp,
            PodIPs = [new V1PodIP { Ip = started.PodIp }],
            StartTime = started.StartedAt,
            ContainerStatuses = (pod.Spec?.Containers ?? []).Select(c => new V1ContainerStatus
            {
                Name = c.Name,
                Image = c.Image,
                ImageID = c.Image,
                Ready = true,
                Started = true,
                RestartCount = 0,
                State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = started.StartedAt } },
            }).ToList(),
        };
        return Task.FromResult(new PodRuntimeStatus(status));
    }

    public Task StopPodAsync(RuntimePod running, V1Pod? pod, CancellationToken ct)
    {
        _pods.TryRemove(running.Uid, out _);
        return Task.CompletedTask;
    }

    public Task DescribeNodeAsync(V1NodeStatus status, CancellationToken ct) => Task.CompletedTask;
}
