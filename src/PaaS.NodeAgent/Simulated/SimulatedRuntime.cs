using System.Collections.Concurrent;
using k8s.Models;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Simulated;

/// <summary>
/// A <b>simulated</b> container runtime, like Kubernetes' kubemark "hollow nodes": a pod "starts"
/// instantly in memory and runs until stopped. Nothing is executed. It lets hundreds of nodes run in
/// one process for scale tests and benchmarks of the control plane.
/// </summary>
public sealed class SimulatedRuntime(TimeProvider time, int nodeIndex) : IContainerRuntime
{
    private readonly ConcurrentDictionary<string, RuntimePod> _pods = new(StringComparer.Ordinal);
    private int _nextIp;

    public Task<RuntimePod> StartPodAsync(V1Pod pod, CancellationToken ct)
    {
        var started = _pods.GetOrAdd(pod.Metadata.Uid, uid =>
        {
            var ip = Interlocked.Increment(ref _nextIp);
            // 10.(200+node/256).(node%256).x: distinct made-up addresses per simulated node; nothing routes to them.
            var address = $"10.{200 + (nodeIndex / 256 % 50)}.{nodeIndex % 256}.{ip % 250 + 2}";
            return new RuntimePod(uid, pod.Metadata.NamespaceProperty, pod.Metadata.Name, time.GetUtcNow().UtcDateTime, address);
        });
        return Task.FromResult(started);
    }

    public Task StopPodAsync(string podUid, CancellationToken ct)
    {
        _pods.TryRemove(podUid, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyCollection<RuntimePod>> ListPodsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<RuntimePod>>(_pods.Values.ToList());
}
