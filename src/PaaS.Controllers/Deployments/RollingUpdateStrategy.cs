namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' rolloutRolling: grow the new replica set within maxSurge, shrink the old ones within maxUnavailable, one
/// step per sync; each sync sees the pods that the previous step produced.
/// </summary>
internal static class RollingUpdateStrategy
{
    public static void Rollout(RolloutContext context)
    {
        if (!NewReplicaSets.Resolve(context, create: true))
        {
            return;
        }

        if (ReconcileNew(context) || ReconcileOld(context))
        {
            DeploymentProgress.SyncRolloutStatus(context);
            return;
        }

        if (DeploymentProgress.Complete(context.Deployment, context.Observed))
        {
            RevisionHistory.Cleanup(context);
        }

        DeploymentProgress.SyncRolloutStatus(context);
    }

    private static bool ReconcileNew(RolloutContext context)
    {
        var newReplicaSet = context.New!;
        if (newReplicaSet.Replicas >= context.Replicas)
        {
            return context.ScaleIfDifferent(newReplicaSet, context.Replicas);
        }

        return context.ScaleIfDifferent(newReplicaSet, RolloutMath.NewReplicaSetReplicas(context.Deployment, context.TotalReplicas, newReplicaSet.Replicas));
    }

    private static bool ReconcileOld(RolloutContext context)
    {
        var activeOld = ReplicaSetOrder.OldestFirst(context.Old.Where(rs => rs.Replicas > 0), rs => rs.Object).ToList();
        if (activeOld.Count == 0)
        {
            return false;
        }

        var newReplicaSet = context.New!;
        var maxScaledDown = RolloutMath.MaxOldScaleDown(context.Deployment, context.TotalReplicas, newReplicaSet.Replicas, newReplicaSet.AvailableReplicas);
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var cleanedUp = CleanupUnhealthyReplicas(context, activeOld, maxScaledDown);
        var scaledDown = ScaleDownOldReplicaSets(context, activeOld);
        return cleanedUp + scaledDown > 0;
    }

    /// <summary>
    /// Old replicas that are not available cost no availability to remove, and left alone they can block the rollout
    /// forever (kubernetes#16737); the replica set controller deletes its unready pods first.
    /// </summary>
    private static int CleanupUnhealthyReplicas(RolloutContext context, List<ProjectedReplicaSet> oldestFirst, int maxCleanup)
    {
        var total = 0;
        foreach (var replicaSet in oldestFirst)
        {
            if (total >= maxCleanup)
            {
                break;
            }

            var unhealthy = replicaSet.Replicas - replicaSet.AvailableReplicas;
            if (unhealthy <= 0)
            {
                continue;
            }

            var count = Math.Min(maxCleanup - total, unhealthy);
            context.ScaleIfDifferent(replicaSet, replicaSet.Replicas - count);
            total += count;
        }

        return total;
    }

    /// <summary>Remove as many old replicas as keeps availability at replicas - maxUnavailable, oldest replica sets first.</summary>
    private static int ScaleDownOldReplicaSets(RolloutContext context, List<ProjectedReplicaSet> oldestFirst)
    {
        var minAvailable = context.Replicas - RolloutMath.MaxUnavailable(context.Deployment);
        var available = context.ReplicaSets.Sum(rs => rs.AvailableReplicas);
        if (available <= minAvailable)
        {
            return 0;
        }

        var toScaleDown = available - minAvailable;
        var total = 0;
        foreach (var replicaSet in oldestFirst)
        {
            if (total >= toScaleDown)
            {
                break;
            }

            var count = Math.Min(replicaSet.Replicas, toScaleDown - total);
            context.ScaleIfDifferent(replicaSet, replicaSet.Replicas - count);
            total += count;
        }

        return total;
    }
}
