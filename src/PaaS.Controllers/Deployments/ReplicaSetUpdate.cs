using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// A replica set to write back (PUT, so its resourceVersion guards against a concurrent change): a new size, and with it
/// the desired-replicas / max-replicas annotations; or new revision annotations and minReadySeconds.
/// </summary>
/// <param name="ReplicaSet">A copy of the observed replica set with the changes applied.</param>
/// <param name="PreviousReplicas">spec.replicas before the change, for the "Scaled up replica set x from 1 to 3" event.</param>
public sealed record ReplicaSetUpdate(V1ReplicaSet ReplicaSet, int PreviousReplicas)
{
    public string Name => ReplicaSet.Metadata.Name;

    public int Replicas => ReplicaSet.Spec.Replicas ?? 0;

    public bool Scaled => Replicas != PreviousReplicas;
}
