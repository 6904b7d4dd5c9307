namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' rolloutRecreate: scale every old replica set to zero, wait until none of their pods runs (terminating ones
/// included: two versions must never run side by side), then create or scale up the new replica set.
/// </summary>
internal static class RecreateStrategy
{
    public static void Rollout(RolloutContext context)
    {
        NewReplicaSets.Resolve(context, create: false);
        var scaledDown = false;
        foreach (var old in ReplicaSetOrder.OldestFirst(context.Old.Where(rs => rs.Replicas > 0), rs => rs.Object).ToList())
        {
            scaledDown |= context.ScaleIfDifferent(old, 0);
        }

        if (scaledDown || OldPodsRunning(context))
        {
            DeploymentProgress.SyncRolloutStatus(context);
            return;
        }

        if (!NewReplicaSets.Resolve(context, create: true))
        {
            return;
        }

        context.ScaleIfDifferent(context.New!, context.Replicas);
        if (DeploymentProgress.Complete(context.Deployment, context.Observed))
        {
            RevisionHistory.Cleanup(context);
        }

        DeploymentProgress.SyncRolloutStatus(context);
    }

    /// <summary>oldPodsRunning: any old pod that has not finished, whatever its deletion state or phase (Unknown counts).</summary>
    private static bool OldPodsRunning(RolloutContext context) =>
        context.Old.Any(rs => rs.ActualReplicas > 0 || rs.Pods.Any(p => p.Status?.Phase is not ("Succeeded" or "Failed")));
}
