namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' cleanupDeployment: keep at most revisionHistoryLimit old replica sets (the rollback targets), deleting the
/// lowest revisions first, and only ones that are fully scaled down and that the replica set controller has caught up with.
/// </summary>
internal static class RevisionHistory
{
    public static void Cleanup(RolloutContext context)
    {
        if (context.Deployment.Spec.RevisionHistoryLimit is not { } limit || limit == int.MaxValue)
        {
            return;
        }

        var cleanable = context.Old.Where(rs => rs.Object.Metadata.DeletionTimestamp is null).ToList();
        var excess = cleanable.Count - limit;
        foreach (var replicaSet in ReplicaSetOrder.LowestRevisionFirst(cleanable, rs => rs.Object).Take(Math.Max(0, excess)))
        {
            if (IsFullyScaledDown(replicaSet))
            {
                context.ToDelete.Add(replicaSet);
            }
        }
    }

    private static bool IsFullyScaledDown(ProjectedReplicaSet replicaSet)
    {
        var observed = replicaSet.Object;
        return replicaSet is { Replicas: 0, ActualReplicas: 0, Modified: false }
            && (observed.Status?.Replicas ?? 0) == 0
            && (observed.Metadata.Generation ?? 0) <= (observed.Status?.ObservedGeneration ?? 0);
    }
}
