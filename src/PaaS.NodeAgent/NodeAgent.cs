using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PaaS.Contracts;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent;

/// <summary>
/// The kubelet's loop for one node: register the Node, renew its Lease, and keep the runtime in step
/// with the pods bound to the node — start the new ones and report them Running and Ready, stop and
/// finally remove the ones being deleted, stop what runs but no longer exists. Everything goes through
/// the API server with the node's own identity, which may touch only this node's objects.
/// </summary>
public sealed partial class NodeAgent(string nodeName, V1Node registration, IKubernetes api, IContainerRuntime runtime, NodeAgentOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly string[] ReadyConditions = ["Initialized", "Ready", "ContainersReady", "PodScheduled"];

    public const string LeaseNamespace = "kube-node-lease";
    private readonly SemaphoreSlim _syncRequested = new(0, 1);
    private V1Lease? _lease;

    /// <summary>The resourceVersion of each pod status this agent wrote last, to recognise the change it causes.</summary>
    private readonly ConcurrentDictionary<string, long> _ownReports = new(StringComparer.Ordinal);

    public string NodeName => nodeName;

    /// <summary>
    /// A change to one of this node's pods arrived: sync soon, unless it is this agent's own status report
    /// coming back (nothing to do for it, and each sync costs a list request).
    /// </summary>
    public void OnPodChanged(ResourceChanged change)
    {
        var key = $"{change.Namespace}/{change.Name}";
        if (_ownReports.TryGetValue(key, out var reported) && change.ResourceVersion <= reported)
        {
            _ownReports.TryRemove(key, out _);
            return;
        }

        RequestSync();
    }

    /// <summary>Asks for a sync soon.</summary>
    public void RequestSync()
    {
        try
        {
            _syncRequested.Release();
        }
        catch (SemaphoreFullException)
        {
            // A sync is already pending: it will see this change too.
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await RetryAsync(RegisterAsync, ct);
        var leases = RenewLeaseLoopAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(ct);
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException)
            {
                LogSyncFailed(logger, e, nodeName);
            }

            try
            {
                await _syncRequested.WaitAsync(options.RelistInterval, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await leases.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>One pass: the API's view of this node's pods against the runtime's.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var pods = await api.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=" + nodeName, cancellationToken: ct);
        var running = (await runtime.ListPodsAsync(ct)).ToDictionary(p => p.Uid);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods.Items)
        {
            var uid = pod.Metadata.Uid;
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                await runtime.StopPodAsync(uid, ct);
                await IgnoreGoneOrChangedAsync(() => api.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                    new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = uid } }, cancellationToken: ct));
                continue;
            }

            wanted.Add(uid);
            if (pod.Status?.Phase is "Succeeded" or "Failed")
            {
                continue;
            }

            RuntimePod started;
            try
            {
                started = running.TryGetValue(uid, out var existing) ? existing : await runtime.StartPodAsync(pod, ct);
            }
            catch (Docker.PodSecurityException e)
            {
                // Refused by this node (the API server's admission should have refused it already): the pod fails, as a
                // kubelet admission failure does, and is not tried again.
                await ReportFailedAsync(pod, "PodSecurity", e.Message, ct);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The runtime could not start it now (engine error, image trouble): the next sync tries again.
                LogStartFailed(logger, e, nodeName, $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}");
                continue;
            }

            if (pod.Status?.Phase != "Running")
            {
                await ReportRunningAsync(pod, started, ct);
            }
        }

        var listed = pods.Items.Select(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}").ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _ownReports.Keys.Where(k => !listed.Contains(k)))
        {
            _ownReports.TryRemove(gone, out _);
        }

        foreach (var orphan in running.Values.Where(p => !wanted.Contains(p.Uid)))
        {
            // Running here but no longer this node's (deleted, or replaced while the node was away).
            await runtime.StopPodAsync(orphan.Uid, ct);
        }
    }

    private async Task ReportRunningAsync(V1Pod pod, RuntimePod started, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ready = ReadyConditions
            .Select(type => new V1PodCondition { Type = type, Status = "True", LastTransitionTime = now }).ToList();
        pod.Status = new V1PodStatus
        {
            Phase = "Running",
            Conditions = ready,
            HostIP = registration.Status?.Addresses?.FirstOrDefault()?.Address,
            PodIP = started.PodIp,
            PodIPs = [new V1PodIP { Ip = started.PodIp }],
            StartTime = started.StartedAt,
            QosClass = pod.Status?.QosClass,
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
        await IgnoreGoneOrChangedAsync(async () =>
        {
            var written = await api.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
            _ownReports[$"{written.Metadata.NamespaceProperty}/{written.Metadata.Name}"] = long.Parse(written.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private async Task ReportFailedAsync(V1Pod pod, string reason, string message, CancellationToken ct)
    {
        pod.Status ??= new V1PodStatus();
        pod.Status.Phase = "Failed";
        pod.Status.Reason = reason;
        pod.Status.Message = message;
        await IgnoreGoneOrChangedAsync(() => api.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct));
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        try
        {
            var existing = await api.CoreV1.ReadNodeAsync(nodeName, cancellationToken: ct);
            existing.Status = registration.Status;
            existing.Metadata.Labels = registration.Metadata.Labels;
            await api.CoreV1.ReplaceNodeAsync(existing, nodeName, cancellationToken: ct);
            var current = await api.CoreV1.ReadNodeAsync(nodeName, cancellationToken: ct);
            current.Status = registration.Status;
            await api.CoreV1.ReplaceNodeStatusAsync(current, nodeName, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            await api.CoreV1.CreateNodeAsync(registration, cancellationToken: ct);
        }
    }

    private async Task RenewLeaseLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RenewLeaseAsync(ct);
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException)
            {
                LogLeaseFailed(logger, e, nodeName);
            }

            try
            {
                await Task.Delay(options.LeaseRenewInterval, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Renews the node's Lease as the kubelet does: an update of the copy kept from the last renewal, one request
    /// per heartbeat; the Lease is read again only when that copy is stale (a conflict) or missing.
    /// </summary>
    private async Task RenewLeaseAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var lease = _lease ?? await api.CoordinationV1.ReadNamespacedLeaseAsync(nodeName, LeaseNamespace, cancellationToken: ct);
            lease.Spec.RenewTime = now;
            lease.Spec.HolderIdentity = nodeName;
            _lease = await api.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, nodeName, LeaseNamespace, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && _lease is not null)
        {
            // The kept copy is stale (someone else wrote the Lease): read it and try once more.
            _lease = null;
            await RenewLeaseAsync(ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            _lease = await api.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
            {
                ApiVersion = "coordination.k8s.io/v1",
                Kind = "Lease",
                Metadata = new V1ObjectMeta { Name = nodeName, NamespaceProperty = LeaseNamespace },
                Spec = new V1LeaseSpec { HolderIdentity = nodeName, LeaseDurationSeconds = 40, RenewTime = now, AcquireTime = now },
            }, LeaseNamespace, cancellationToken: ct);
        }
    }

    private static async Task IgnoreGoneOrChangedAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Gone or changed meanwhile: the next sync sees the current state.
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> action, CancellationToken ct)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)))
        {
            try
            {
                await action(ct);
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException)
            {
                LogRegisterFailed(logger, e, nodeName);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    public void Dispose() => _syncRequested.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: sync failed; the next relist retries")]
    private static partial void LogSyncFailed(ILogger logger, Exception e, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: could not renew its lease")]
    private static partial void LogLeaseFailed(ILogger logger, Exception e, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: starting pod {Pod} failed; the next sync tries again")]
    private static partial void LogStartFailed(ILogger logger, Exception e, string node, string pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: could not register; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, Exception e, string node);
}
