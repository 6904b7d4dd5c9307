using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// A replica set as this sync leaves it: a private copy whose spec and annotations the planner changes, with the counts
/// of its pods as observed (scaling changes no pod until the replica set controller acts).
/// </summary>
internal sealed class ProjectedReplicaSet
{
    public ProjectedReplicaSet(V1ReplicaSet replicaSet, IReadOnlyList<V1Pod> pods, int minReadySeconds, DateTime now, bool toCreate = false)
    {
        Object = ModelCopy.DeepCopy(replicaSet);
        ObservedReplicas = replicaSet.Spec.Replicas ?? 0;
        Pods = pods;
        ToCreate = toCreate;
        var active = pods.Where(PodAvailability.IsActive).ToList();
        ActualReplicas = active.Count;
        ReadyReplicas = active.Count(PodAvailability.IsReady);
        AvailableReplicas = active.Count(p => PodAvailability.IsAvailable(p, minReadySeconds, now));
    }

    public V1ReplicaSet Object { get; }

    public string Name => Object.Metadata.Name;

    /// <summary>spec.replicas as this sync leaves it.</summary>
    public int Replicas
    {
        get => Object.Spec.Replicas ?? 0;
        set => Object.Spec.Replicas = value;
    }

    public int ObservedReplicas { get; }

    /// <summary>All its pods, terminating ones included.</summary>
    public IReadOnlyList<V1Pod> Pods { get; }

    /// <summary>Active pods (status.replicas).</summary>
    public int ActualReplicas { get; }

    public int ReadyReplicas { get; }

    public int AvailableReplicas { get; }

    public bool ToCreate { get; }

    /// <summary>Changed by this sync: write it back.</summary>
    public bool Modified { get; set; }
}
