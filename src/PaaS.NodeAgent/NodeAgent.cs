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
    /// <summary>
    /// The pod annotation listing the container ports the node publishes for the pod
    /// (<c>8080/TCP=127.0.0.1:40001,9090/TCP=127.0.0.1:40002</c>): how the gateway reaches a pod on any node.
    /// Kubernetes' pod status has no field for it; the agent writes it with the pod's status.
    /// </summary>
    public const string PublishedPortsAnnotation = "paas.dev/published-ports";

    public const string LeaseNamespace = "kube-node-lease";
    private readonly SemaphoreSlim _syncRequested = new(0, 1);
    private V1Lease? _lease;

    /// <summary>The resourceVersion of each pod status this agent wrote last, to recognise the change it causes.</summary>
    private readonly ConcurrentDictionary<string, long> _ownReports = new(StringComparer.Ordinal);

    /// <summary>Pods being terminated, by uid.</summary>
    private readonly ConcurrentDictionary<string, Task> _terminating = new(StringComparer.Ordinal);

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
        runtime.PodsChanged += RequestSync;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
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

        runtime.PodsChanged -= RequestSync;
        await leases.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// One pass: the API's view of this node's pods against the runtime's. Each pod is brought in line with its
    /// spec and its status reported when it changed; a pod being deleted is terminated in the background (its
    /// grace period must not hold up the others) and then removed; what runs but is no longer this node's goes.
    /// </summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var pods = await api.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=" + nodeName, cancellationToken: ct);
        var running = await runtime.ListPodsAsync(ct);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods.Items)
        {
            var uid = pod.Metadata.Uid;
            wanted.Add(uid);
            running.TryGetValue(uid, out var current);
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                Terminate(pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name, uid, current, pod, ct);
                continue;
            }

            if (current is null && pod.Status?.Phase is "Succeeded" or "Failed")
            {
                continue;
            }

            try
            {
                var status = await runtime.SyncPodAsync(pod, current, ct);
                await ReportAsync(pod, status, ct);
            }
            catch (Docker.PodSecurityException e)
            {
                // Refused by this node (the API server's admission should have refused it already): the pod fails, as a
                // kubelet admission failure does, and is not tried again.
                await ReportFailedAsync(pod, "PodSecurity", e.Message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The runtime could not start it now (engine error): the next sync tries again.
                LogStartFailed(logger, e, nodeName, $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}");
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
            Terminate($"{orphan.Namespace}/{orphan.Name}", orphan.Uid, orphan, null, ct);
        }
    }

    /// <summary>
    /// Stops the pod's containers gracefully, each pod in its own task (one pod's grace period holds up nothing
    /// else), then removes the pod object (grace 0, on its uid): the object disappears only once its containers are gone.
    /// </summary>
    private void Terminate(string key, string uid, RuntimePod? running, V1Pod? pod, CancellationToken ct)
    {
        if (running is null && pod is null)
        {
            return;
        }

        // Syncs run one at a time, and TerminateAsync yields before its work, so the task is recorded before it can end.
        if (!_terminating.ContainsKey(uid))
        {
            _terminating[uid] = TerminateAsync(key, uid, running, pod, ct);
        }
    }

    private async Task TerminateAsync(string key, string uid, RuntimePod? running, V1Pod? pod, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            if (running is not null)
            {
                await runtime.StopPodAsync(running, pod, ct);
            }

            if (pod is not null)
            {
                await IgnoreGoneOrChangedAsync(() => api.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                    new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = uid } }, cancellationToken: ct));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStopFailed(logger, e, nodeName, key);
        }
        finally
        {
            _terminating.TryRemove(uid, out _);
        }
    }

    /// <summary>Writes the pod's status when what it shows changed (times aside), keeping transition times of unchanged conditions.</summary>
    private async Task ReportAsync(V1Pod pod, PodRuntimeStatus report, CancellationToken ct)
    {
        var status = report.Status;
        var published = pod.Metadata.Annotations?.TryGetValue(PublishedPortsAnnotation, out var p) == true ? p : null;
        if (StatusSignature(status) == StatusSignature(pod.Status) && published == report.PublishedPorts)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var condition in status.Conditions ?? [])
        {
            condition.LastTransitionTime = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == condition.Type && c.Status == condition.Status)?.LastTransitionTime ?? now;
        }

        status.HostIP ??= registration.Status?.Addresses?.FirstOrDefault()?.Address;
        status.StartTime = pod.Status?.StartTime ?? status.StartTime;
        status.QosClass = pod.Status?.QosClass;
        pod.Status = status;
        if (report.PublishedPorts is not null || published is not null)
        {
            pod.Metadata.Annotations ??= new Dictionary<string, string>();
            if (report.PublishedPorts is null)
            {
                pod.Metadata.Annotations.Remove(PublishedPortsAnnotation);
            }
            else
            {
                pod.Metadata.Annotations[PublishedPortsAnnotation] = report.PublishedPorts;
            }
        }

        await IgnoreGoneOrChangedAsync(async () =>
        {
            var written = await api.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
            _ownReports[$"{written.Metadata.NamespaceProperty}/{written.Metadata.Name}"] = long.Parse(written.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>What a status shows, times left out: two statuses with the same signature need no write.</summary>
    private static string StatusSignature(V1PodStatus? status)
    {
        if (status is null)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        text.Append(status.Phase).Append('|').Append(status.Reason).Append('|').Append(status.PodIP).Append('|');
        foreach (var c in (status.Conditions ?? []).OrderBy(c => c.Type, StringComparer.Ordinal))
        {
            text.Append(c.Type).Append('=').Append(c.Status).Append(';');
        }

        foreach (var c in status.ContainerStatuses ?? [])
        {
            text.Append('|').Append(c.Name).Append(',').Append(c.Ready).Append(',').Append(c.Started).Append(',').Append(c.RestartCount).Append(',').Append(c.ContainerID)
                .Append(',').Append(c.State?.Waiting?.Reason).Append(c.State?.Waiting?.Message).Append(c.State?.Running is null ? "" : "running")
                .Append(c.State?.Terminated?.ExitCode).Append(c.State?.Terminated?.Reason).Append(',').Append(c.LastState?.Terminated?.ContainerID);
        }

        return text.ToString();
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
        await runtime.DescribeNodeAsync(registration.Status, ct);
        _reportedNode = NodeSignature(registration.Status);
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
                await ReportNodeStatusAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
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

    private string _reportedNode = "";

    /// <summary>Reports the node's status again when what the runtime sees of it changed (pressure, capacity); the Lease is the heartbeat.</summary>
    private async Task ReportNodeStatusAsync(CancellationToken ct)
    {
        await runtime.DescribeNodeAsync(registration.Status, ct);
        var signature = NodeSignature(registration.Status);
        if (signature == _reportedNode)
        {
            return;
        }

        var node = await api.CoreV1.ReadNodeAsync(nodeName, cancellationToken: ct);
        foreach (var condition in registration.Status.Conditions ?? [])
        {
            condition.LastTransitionTime = node.Status?.Conditions?.FirstOrDefault(c => c.Type == condition.Type && c.Status == condition.Status)?.LastTransitionTime ?? condition.LastTransitionTime;
        }

        node.Status = registration.Status;
        await api.CoreV1.ReplaceNodeStatusAsync(node, nodeName, cancellationToken: ct);
        _reportedNode = signature;
    }

    private static string NodeSignature(V1NodeStatus status) =>
        string.Join(';', (status.Conditions ?? []).Select(c => c.Type + "=" + c.Status)) + "|" + string.Join(';', (status.Capacity ?? new Dictionary<string, ResourceQuantity>()).Select(c => c.Key + "=" + c.Value));

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
            catch (Exception e) when (e is not OperationCanceledException)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: stopping pod {Pod} failed; the next sync tries again")]
    private static partial void LogStopFailed(ILogger logger, Exception e, string node, string pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: could not register; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, Exception e, string node);
}
