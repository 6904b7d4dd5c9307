using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// One sync's worth of work for a deployment, as Kubernetes' deployment controller would do it. Execute in this order and
/// stop at the first failure (the next sync re-plans from what is then stored): create, update, delete, set the revision
/// annotation, write the status when <see cref="StatusChanged"/>.
/// </summary>
/// <param name="ReplicaSetToCreate">The new replica set: hash label in selector and template, owner reference, revision and replicas annotations, initial size.</param>
/// <param name="ReplicaSetsToUpdate">Scaled or re-annotated replica sets.</param>
/// <param name="ReplicaSetsToDelete">Old, fully scaled-down replica sets beyond revisionHistoryLimit, lowest revision first.</param>
/// <param name="Status">The deployment status after this sync.</param>
/// <param name="StatusChanged">False when <see cref="Status"/> equals what was observed: skip the write.</param>
/// <param name="RevisionToRecord">The value for the deployment's own <see cref="DeploymentAnnotations.Revision"/> annotation when it changes; null otherwise.</param>
/// <param name="RequeueAfter">
/// When to sync again without an event: a pod turning available after minReadySeconds, or the progress deadline.
/// <see cref="TimeSpan.Zero"/> means now, rate limited (a hash collision, a deadline due).
/// </param>
public sealed record DeploymentPlan(
    V1ReplicaSet? ReplicaSetToCreate,
    IReadOnlyList<ReplicaSetUpdate> ReplicaSetsToUpdate,
    IReadOnlyList<V1ReplicaSet> ReplicaSetsToDelete,
    V1DeploymentStatus Status,
    bool StatusChanged,
    string? RevisionToRecord,
    TimeSpan? RequeueAfter)
{
    internal V1Deployment? Deployment { get; init; }

    internal V1DeploymentStatus? StatusBeforeCreate { get; init; }

    /// <summary>
    /// The status to write when creating <see cref="ReplicaSetToCreate"/> failed for any reason but a name conflict:
    /// Progressing=False, ReplicaSetCreateError, as Kubernetes reports it (when the deployment has a progress deadline).
    /// </summary>
    public V1DeploymentStatus StatusAfterCreateFailure(string message, DateTime now)
    {
        var status = ModelCopy.DeepCopy(StatusBeforeCreate ?? Status);
        if (Deployment is { } deployment && ReplicaSetToCreate is { } replicaSet && DeploymentProgress.HasProgressDeadline(deployment))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(
                DeploymentConditions.Progressing, "False", DeploymentConditions.ReplicaSetCreateError,
                $"Failed to create new replica set \"{replicaSet.Metadata.Name}\": {message}", now));
        }

        return status;
    }

    /// <summary>
    /// Creating <see cref="ReplicaSetToCreate"/> failed because the name is taken by <paramref name="existing"/>. Null when
    /// that is our own replica set with our template (a stale read: just sync again); otherwise it is a hash collision, and
    /// this is the status to write: collisionCount incremented, so the next sync hashes to another name.
    /// </summary>
    public V1DeploymentStatus? StatusAfterCreateConflict(V1ReplicaSet existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (Deployment is not { } deployment
            || (ControllerReferences.IsControlledBy(existing.Metadata, deployment.Metadata.Uid)
                && PodTemplates.EqualIgnoreHash(existing.Spec.Template, deployment.Spec.Template)))
        {
            return null;
        }

        var status = ModelCopy.DeepCopy(StatusBeforeCreate ?? Status);
        status.CollisionCount = (status.CollisionCount ?? 0) + 1;
        return status;
    }
}
