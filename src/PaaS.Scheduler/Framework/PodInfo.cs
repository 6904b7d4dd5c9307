using System.Collections.ObjectModel;
using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// What the scheduler keeps of a pod placed on a node: identity, labels (for topology spread) and requests.
/// Immutable, so snapshots can share it; computed once when the pod enters the cache, not per cycle.
/// </summary>
public sealed class PodInfo
{
    private static readonly ReadOnlyDictionary<string, string> NoLabels = new(new Dictionary<string, string>());

    private PodInfo(string @namespace, string name, string? uid, ReadOnlyDictionary<string, string> labels,
        ResourceAmounts requests, ResourceAmounts nonZeroRequests, bool isTerminating)
    {
        Namespace = @namespace;
        Name = name;
        Uid = uid;
        Labels = labels;
        Requests = requests;
        NonZeroRequests = nonZeroRequests;
        IsTerminating = isTerminating;
    }

    public string Namespace { get; }

    public string Name { get; }

    public string? Uid { get; }

    /// <summary>A copy of the pod's labels; a <see cref="ReadOnlyDictionary{TKey,TValue}"/> so label selectors can read it.</summary>
    public ReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Effective requests (what NodeResourcesFit and BalancedAllocation count); Pods is 1.</summary>
    public ResourceAmounts Requests { get; }

    /// <summary>Requests with kube-scheduler's defaults for unstated CPU/memory (what LeastAllocated counts).</summary>
    public ResourceAmounts NonZeroRequests { get; }

    /// <summary>Has a deletion timestamp: still uses its resources, but topology spread no longer counts it.</summary>
    public bool IsTerminating { get; }

    /// <summary>"namespace/name", the cache's key.</summary>
    public string Key => Namespace + "/" + Name;

    /// <summary>
    /// Captures a pod. A request that is not a Kubernetes quantity (which API validation rejects) counts as nothing
    /// rather than throwing, so one bad object cannot stop the cache from following events.
    /// </summary>
    public static PodInfo FromPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ResourceAmounts requests, nonZero;
        try
        {
            requests = PodRequests.Of(pod.Spec, nonZero: false);
            nonZero = PodRequests.Of(pod.Spec, nonZero: true);
        }
        catch (FormatException)
        {
            requests = nonZero = new ResourceAmounts(0, 0, 1);
        }

        var labels = pod.Metadata?.Labels is { Count: > 0 } source
            ? new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(source, StringComparer.Ordinal))
            : NoLabels;
        return new PodInfo(
            pod.Metadata?.NamespaceProperty ?? "default",
            pod.Metadata?.Name ?? string.Empty,
            pod.Metadata?.Uid,
            labels,
            requests,
            nonZero,
            pod.Metadata?.DeletionTimestamp is not null);
    }

    /// <summary>The cache key of a pod object.</summary>
    public static string KeyOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return (pod.Metadata?.NamespaceProperty ?? "default") + "/" + (pod.Metadata?.Name ?? string.Empty);
    }
}
