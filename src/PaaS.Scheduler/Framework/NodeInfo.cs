using k8s.Models;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// An immutable view of one node and the pods placed on it (bound or assumed), with their requests summed once
/// at construction so that every filter and score reads plain numbers.
/// </summary>
public sealed class NodeInfo
{
    private static readonly Dictionary<string, string> NoLabels = new(StringComparer.Ordinal);

    /// <param name="node">Kept by reference: the cache and its callers treat node objects as read-only.</param>
    /// <param name="pods">The pods on the node; copied.</param>
    public NodeInfo(V1Node node, IEnumerable<PodInfo> pods)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(pods);
        Node = node;
        Pods = pods.ToArray();
        Allocatable = NodeAllocatable.Of(node);
        foreach (var pod in Pods)
        {
            Requested += pod.Requests;
            NonZeroRequested += pod.NonZeroRequests;
        }
    }

    public V1Node Node { get; }

    public string Name => Node.Metadata?.Name ?? string.Empty;

    /// <summary>The node's labels; never null. Callers must not modify it.</summary>
    public IDictionary<string, string> Labels => Node.Metadata?.Labels ?? NoLabels;

    public IReadOnlyList<PodInfo> Pods { get; }

    /// <summary>From status.allocatable (or capacity when absent).</summary>
    public ResourceAmounts Allocatable { get; }

    /// <summary>Sum of the pods' effective requests; Pods is the number of pods.</summary>
    public ResourceAmounts Requested { get; }

    /// <summary>Sum with kube-scheduler's defaults for unstated CPU/memory, used by LeastAllocated.</summary>
    public ResourceAmounts NonZeroRequested { get; }
}
