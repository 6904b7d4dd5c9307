using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;

namespace PaaS.Controllers.Nodes;

/// <summary>
/// Watches node heartbeats (the Leases in <c>kube-node-lease</c>): a node whose lease is older than
/// <see cref="ControllerOptions.NodeMonitorGracePeriod"/> gets <c>Ready=Unknown</c> (NodeStatusUnknown);
/// once it has been Unknown for <see cref="ControllerOptions.PodEvictionTimeout"/>, its pods are deleted,
/// so their ReplicaSets replace them on other nodes. The pods stay terminating until the node's agent
/// removes them: a node that comes back first stops and removes those pods, so one pod never runs twice.
/// A fresh lease turns the node Ready again (our agents report liveness through the lease only).
/// </summary>
public sealed class NodeLifecycleController(IKubernetes api, IOptions<ControllerOptions> options, TimeProvider time) : IController
{
    public const string LeaseNamespace = "kube-node-lease";
    private readonly EventRecorder _events = new(api, time, "node-controller");

    public string Name => "node-lifecycle";

    /// <summary>
    /// Nodes last seen Ready with a fresh lease. Their heartbeats need no reconcile (each reconcile re-checks its
    /// node's lease when the grace period could run out), which spares the API two reads per heartbeat: 200 a
    /// second for 1,000 nodes. A change to the Node itself drops it from here, so its status is read again.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _ready = new(StringComparer.Ordinal);

    public IEnumerable<string> KeysFor(ResourceChanged change)
    {
        if (change.Kind == "Node")
        {
            _ready.TryRemove(change.Name, out _);
            return [change.Name];
        }

        return change.Kind == "Lease" && change.Namespace == LeaseNamespace && !_ready.ContainsKey(change.Name) ? [change.Name] : [];
    }

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct) =>
        (await api.CoreV1.ListNodeAsync(cancellationToken: ct)).Items.Select(n => n.Metadata.Name).ToList();

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var grace = options.Value.NodeMonitorGracePeriod;
        var renewed = await LastRenewalAsync(key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var silentFor = now - renewed;
        if (silentFor <= grace && _ready.ContainsKey(key))
        {
            return grace - silentFor + TimeSpan.FromSeconds(1); // Still Ready, still heartbeating: nothing to write.
        }

        V1Node node;
        try
        {
            node = await api.CoreV1.ReadNodeAsync(key, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            _ready.TryRemove(key, out _);
            return null;
        }

        if (renewed is null)
        {
            return grace; // Not heartbeating yet: look again later.
        }

        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        if (silentFor <= grace)
        {
            if (ready?.Status != "True")
            {
                await SetReadyAsync(node, "True", "NodeLeaseRenewed", "the node agent is renewing its lease", now, ct);
            }

            _ready[key] = 0;
            return grace - silentFor + TimeSpan.FromSeconds(1);
        }

        _ready.TryRemove(key, out _);

        if (ready?.Status != "Unknown")
        {
            await SetReadyAsync(node, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now, ct);
            await _events.RecordAsync(WithKind(node), "Normal", "NodeNotReady", $"Node {key} status is now: NodeNotReady", ct);
            return options.Value.PodEvictionTimeout;
        }

        var unknownFor = now - (ready.LastTransitionTime ?? now);
        if (unknownFor < options.Value.PodEvictionTimeout)
        {
            return options.Value.PodEvictionTimeout - unknownFor + TimeSpan.FromSeconds(1);
        }

        var pods = await api.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=" + key, cancellationToken: ct);
        foreach (var pod in pods.Items.Where(p => p.Metadata.DeletionTimestamp is null))
        {
            try
            {
                await api.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                    new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken: ct);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Gone or replaced meanwhile.
            }
        }

        return grace;
    }

    private async Task<DateTime?> LastRenewalAsync(string node, CancellationToken ct)
    {
        try
        {
            var lease = await api.CoordinationV1.ReadNamespacedLeaseAsync(node, LeaseNamespace, cancellationToken: ct);
            return lease.Spec?.RenewTime;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task SetReadyAsync(V1Node node, string status, string reason, string message, DateTime now, CancellationToken ct)
    {
        node.Status ??= new V1NodeStatus();
        node.Status.Conditions = (node.Status.Conditions ?? []).Where(c => c.Type != "Ready")
            .Append(new V1NodeCondition { Type = "Ready", Status = status, Reason = reason, Message = message, LastHeartbeatTime = now, LastTransitionTime = now })
            .ToList();
        await api.CoreV1.ReplaceNodeStatusAsync(node, node.Metadata.Name, cancellationToken: ct);
    }

    private static V1Node WithKind(V1Node node)
    {
        node.ApiVersion ??= "v1";
        node.Kind ??= "Node";
        return node;
    }
}
