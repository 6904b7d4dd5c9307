using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>Kubernetes' replica set orderings (controller_utils and deployment/util sort types).</summary>
internal static class ReplicaSetOrder
{
    /// <summary>ReplicaSetsByCreationTimestamp: oldest first, ties by name.</summary>
    public static IOrderedEnumerable<T> OldestFirst<T>(IEnumerable<T> items, Func<T, V1ReplicaSet> rs) =>
        items.OrderBy(i => rs(i).Metadata.CreationTimestamp ?? DateTime.MinValue).ThenBy(i => rs(i).Metadata.Name, StringComparer.Ordinal);

    /// <summary>ReplicaSetsByRevision: lowest revision first, ties oldest first.</summary>
    public static IOrderedEnumerable<T> LowestRevisionFirst<T>(IEnumerable<T> items, Func<T, V1ReplicaSet> rs) =>
        items.OrderBy(i => DeploymentAnnotations.RevisionOf(rs(i).Metadata))
            .ThenBy(i => rs(i).Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(i => rs(i).Metadata.Name, StringComparer.Ordinal);

    /// <summary>ReplicaSetsBySizeNewer (<paramref name="newerFirst"/>) or BySizeOlder: largest first, ties by age.</summary>
    public static IOrderedEnumerable<T> LargestFirst<T>(IEnumerable<T> items, Func<T, V1ReplicaSet> rs, bool newerFirst)
    {
        var bySize = items.OrderByDescending(i => rs(i).Spec.Replicas ?? 0);
        return newerFirst
            ? bySize.ThenByDescending(i => rs(i).Metadata.CreationTimestamp ?? DateTime.MinValue).ThenByDescending(i => rs(i).Metadata.Name, StringComparer.Ordinal)
            : bySize.ThenBy(i => rs(i).Metadata.CreationTimestamp ?? DateTime.MinValue).ThenBy(i => rs(i).Metadata.Name, StringComparer.Ordinal);
    }
}
