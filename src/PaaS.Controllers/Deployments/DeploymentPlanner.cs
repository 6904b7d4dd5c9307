using PaaS.Core.Labels;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// The decisions of Kubernetes' Deployment controller (syncDeployment) as a pure function of what was observed. Each call
/// plans one step; the reconciler executes it and calls again when anything changes or <see cref="DeploymentPlan.RequeueAfter"/>
/// passes, until the plan is empty.
/// </summary>
/// <remarks>
/// Not covered: adopting or releasing replica sets by selector (the caller passes the ones the deployment controls), the
/// deprecated spec.rollbackTo, and the terminatingReplicas status field.
/// </remarks>
public static class DeploymentPlanner
{
    /// <exception cref="FormatException">The selector or the rolling update parameters are invalid (validation refuses them).</exception>
    public static DeploymentPlan Plan(DeploymentObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var context = new RolloutContext(observation);
        var deployment = context.Deployment;
        if (deployment.Metadata.DeletionTimestamp is not null)
        {
            // Being deleted: report, never create or scale.
            NewReplicaSets.Resolve(context, create: false);
            DeploymentProgress.SyncStatus(context);
            return context.ToPlan();
        }

        if (LabelSelector.FromModel(deployment.Spec.Selector).IsEmpty)
        {
            // A selector that selects everything would claim every pod in the namespace: refuse to act.
            context.Working.ObservedGeneration = Math.Max(context.Working.ObservedGeneration ?? 0, deployment.Metadata.Generation ?? 0);
            return context.ToPlan();
        }

        UpdatePausedCondition(context);

        // Every path starts from the existing new replica set (getAllReplicaSetsAndSyncRevision without create): finding it
        // is what raises its revision on a rollback.
        NewReplicaSets.Resolve(context, create: false);
        if (deployment.Spec.Paused == true || DeploymentScaler.IsScalingEvent(context))
        {
            Sync(context);
        }
        else if (RolloutMath.IsRollingUpdate(deployment))
        {
            RollingUpdateStrategy.Rollout(context);
        }
        else
        {
            RecreateStrategy.Rollout(context);
        }

        return context.ToPlan();
    }

    /// <summary>
    /// Kubernetes' sync: scaling only, no rollout step. A paused deployment also trims its history (no rollback is in flight).
    /// </summary>
    private static void Sync(RolloutContext context)
    {
        DeploymentScaler.Scale(context);
        if (context.Deployment.Spec.Paused == true)
        {
            RevisionHistory.Cleanup(context);
        }

        DeploymentProgress.SyncStatus(context);
    }

    /// <summary>
    /// checkPausedConditions: Progressing=Unknown while paused, and again on resume, so that the time spent paused never
    /// counts against the progress deadline. A deadline already exceeded is not overwritten.
    /// </summary>
    private static void UpdatePausedCondition(RolloutContext context)
    {
        if (!DeploymentProgress.HasProgressDeadline(context.Deployment))
        {
            return;
        }

        var reason = DeploymentConditions.Get(context.Working, DeploymentConditions.Progressing)?.Reason;
        if (reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return;
        }

        var paused = context.Deployment.Spec.Paused == true;
        if (paused && reason != DeploymentConditions.DeploymentPaused)
        {
            DeploymentConditions.Set(context.Working, DeploymentConditions.New(
                DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused", context.Now));
        }
        else if (!paused && reason == DeploymentConditions.DeploymentPaused)
        {
            DeploymentConditions.Set(context.Working, DeploymentConditions.New(
                DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentResumed, "Deployment is resumed", context.Now));
        }
    }
}
