using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// One reconcile's worth of work for a replica set. Execute in this order: adopt and release (so the counts below hold),
/// set expectations (<see cref="Expectations.ExpectCreations"/> with <see cref="PodsToCreate"/>, or
/// <see cref="Expectations.ExpectDeletions"/> with the names of <see cref="PodsToDelete"/>), create through
/// <see cref="SlowStartBatch.RunAsync"/> and lower the expectations by <see cref="SlowStartResult.NotCreated"/>,
/// delete, then write <see cref="Status"/> (or <see cref="StatusAfterFailure"/> when a create or delete failed).
/// </summary>
/// <param name="PodsToCreate">How many pods to create, capped at <see cref="ReplicaSetPlanner.BurstReplicas"/>.</param>
/// <param name="PodToCreate">The pod to create that many times (generateName, labels, owner reference, template spec); null when none.</param>
/// <param name="PodsToDelete">Pods to delete, in deletion-rank order.</param>
/// <param name="PodsToAdopt">Orphans matching the selector: patch in the replica set's controller reference.</param>
/// <param name="PodsToRelease">Pods it controls that no longer match its selector: remove its owner reference.</param>
/// <param name="Status">The status to write when the creates and deletes succeed (any ReplicaFailure condition cleared).</param>
/// <param name="RequeueAfter">Look again then: a ready pod becomes available after minReadySeconds without any event.</param>
public sealed record ReplicaSetPlan(
    int PodsToCreate,
    V1Pod? PodToCreate,
    IReadOnlyList<V1Pod> PodsToDelete,
    IReadOnlyList<V1Pod> PodsToAdopt,
    IReadOnlyList<V1Pod> PodsToRelease,
    V1ReplicaSetStatus Status,
    TimeSpan? RequeueAfter)
{
    /// <summary>The ReplicaFailure condition the replica set already had, kept as is when the failure continues.</summary>
    internal V1ReplicaSetCondition? ExistingFailure { get; init; }

    /// <summary>
    /// The status to write when a create or delete failed (e.g. quota exceeded): Kubernetes' ReplicaFailure condition with
    /// reason FailedCreate or FailedDelete and the error's message. An existing failure condition is kept unchanged, so its
    /// lastTransitionTime says when the trouble started.
    /// </summary>
    public V1ReplicaSetStatus StatusAfterFailure(string message, DateTime now)
    {
        var status = ModelCopy.DeepCopy(Status);
        var failure = ExistingFailure ?? new V1ReplicaSetCondition
        {
            Type = ReplicaSetConditions.ReplicaFailure,
            Status = "True",
            Reason = PodsToCreate > 0 ? ReplicaSetConditions.FailedCreate : ReplicaSetConditions.FailedDelete,
            Message = message,
            LastTransitionTime = ReplicaSetConditions.Timestamp(now),
        };
        status.Conditions = [.. status.Conditions ?? [], failure];
        return status;
    }
}
