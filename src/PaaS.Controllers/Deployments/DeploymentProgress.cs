using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' deployment status logic (calculateStatus, syncRolloutStatus and the util predicates): the counts, the
/// Available condition, and the Progressing condition that turns a stuck rollout into ProgressDeadlineExceeded.
/// </summary>
internal static class DeploymentProgress
{
    public static bool HasProgressDeadline(V1Deployment deployment) =>
        deployment.Spec.ProgressDeadlineSeconds is { } seconds && seconds != int.MaxValue;

    /// <summary>DeploymentComplete: every replica updated and available, and the current generation observed.</summary>
    public static bool Complete(V1Deployment deployment, V1DeploymentStatus status)
    {
        var replicas = RolloutMath.Replicas(deployment);
        return status.UpdatedReplicas == replicas && status.Replicas == replicas && status.AvailableReplicas == replicas
            && (status.ObservedGeneration ?? 0) >= (deployment.Metadata.Generation ?? 0);
    }

    /// <summary>syncDeploymentStatus: the counts and Available; Progressing untouched (paused and scaling syncs).</summary>
    public static void SyncStatus(RolloutContext context) => context.FinalStatus = Calculate(context);

    /// <summary>syncRolloutStatus: also judge progress against the deadline and surface replica failures.</summary>
    public static void SyncRolloutStatus(RolloutContext context)
    {
        var deployment = context.Deployment;
        var status = Calculate(context);
        var hasDeadline = HasProgressDeadline(deployment);
        if (!hasDeadline)
        {
            DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
        }

        var current = DeploymentConditions.Get(context.Working, DeploymentConditions.Progressing);
        var alreadyComplete = status.Replicas == status.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        if (hasDeadline && !alreadyComplete)
        {
            UpdateProgressing(context, status, current);
        }

        if (ReplicaFailure(context) is { } failure)
        {
            DeploymentConditions.Set(status, failure);
        }
        else
        {
            DeploymentConditions.Remove(status, DeploymentConditions.ReplicaFailure);
        }

        context.FinalStatus = status;
        if (StuckRequeue(context, status, current) is { } after)
        {
            context.Requeue(after);
        }
    }

    private static void UpdateProgressing(RolloutContext context, V1DeploymentStatus status, V1DeploymentCondition? current)
    {
        var subject = context.New is { } newReplicaSet ? $"ReplicaSet \"{newReplicaSet.Name}\"" : $"Deployment \"{context.Deployment.Metadata.Name}\"";
        if (Complete(context.Deployment, status))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetAvailable, $"{subject} has successfully progressed.", context.Now));
        }
        else if (Progressed(context.Observed, status))
        {
            // Progress refreshes lastUpdateTime even with an unchanged reason, which SetDeploymentCondition would not do:
            // the deadline counts from the last progress.
            var condition = DeploymentConditions.New(
                DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, $"{subject} is progressing.", context.Now);
            if (current is not null)
            {
                if (current.Status == "True")
                {
                    condition.LastTransitionTime = current.LastTransitionTime;
                }

                DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
            }

            DeploymentConditions.Set(status, condition);
        }
        else if (TimedOut(context.Deployment, status, context.Now))
        {
            DeploymentConditions.Set(status, DeploymentConditions.New(
                DeploymentConditions.Progressing, "False", DeploymentConditions.ProgressDeadlineExceeded, $"{subject} has timed out progressing.", context.Now));
        }
    }

    /// <summary>calculateStatus: counts from the pods, conditions carried over, Available by the maxUnavailable floor.</summary>
    private static V1DeploymentStatus Calculate(RolloutContext context)
    {
        var all = context.ReplicaSets;
        var available = all.Sum(rs => rs.AvailableReplicas);
        var status = new V1DeploymentStatus
        {
            ObservedGeneration = context.Deployment.Metadata.Generation,
            Replicas = all.Sum(rs => rs.ActualReplicas),
            UpdatedReplicas = context.New?.ActualReplicas ?? 0,
            ReadyReplicas = all.Sum(rs => rs.ReadyReplicas),
            AvailableReplicas = available,
            // More available than desired (while scaling down) is not negative unavailability.
            UnavailableReplicas = Math.Max(0, context.TotalReplicas - available),
            CollisionCount = context.Working.CollisionCount,
            Conditions = (context.Working.Conditions ?? []).ToList(),
        };
        DeploymentConditions.Set(status, available >= context.Replicas - RolloutMath.MaxUnavailable(context.Deployment)
            ? DeploymentConditions.New(DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", context.Now)
            : DeploymentConditions.New(DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", context.Now));
        return status;
    }

    /// <summary>DeploymentProgressing: more updated, fewer old, more ready or more available pods than last written.</summary>
    private static bool Progressed(V1DeploymentStatus before, V1DeploymentStatus after)
    {
        var oldBefore = (before.Replicas ?? 0) - (before.UpdatedReplicas ?? 0);
        var oldAfter = (after.Replicas ?? 0) - (after.UpdatedReplicas ?? 0);
        return (after.UpdatedReplicas ?? 0) > (before.UpdatedReplicas ?? 0)
            || oldAfter < oldBefore
            || (after.ReadyReplicas ?? 0) > (before.ReadyReplicas ?? 0)
            || (after.AvailableReplicas ?? 0) > (before.AvailableReplicas ?? 0);
    }

    /// <summary>DeploymentTimedOut: no progress recorded for progressDeadlineSeconds (a completed rollout never times out).</summary>
    private static bool TimedOut(V1Deployment deployment, V1DeploymentStatus status, DateTime now)
    {
        var condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        return condition?.Reason switch
        {
            null or DeploymentConditions.NewReplicaSetAvailable => false,
            DeploymentConditions.ProgressDeadlineExceeded => true,
            _ => condition.LastUpdateTime is { } from && from.AddSeconds(deployment.Spec.ProgressDeadlineSeconds ?? 0) < now,
        };
    }

    /// <summary>
    /// getReplicaFailures: the new replica set's ReplicaFailure condition, else any old one's, as a deployment condition.
    /// </summary>
    private static V1DeploymentCondition? ReplicaFailure(RolloutContext context)
    {
        var failure = (context.New is { } newReplicaSet ? [newReplicaSet] : Enumerable.Empty<ProjectedReplicaSet>())
            .Concat(context.ReplicaSets)
            .SelectMany(rs => rs.Object.Status?.Conditions ?? [])
            .FirstOrDefault(c => c.Type == DeploymentConditions.ReplicaFailure);
        return failure is null
            ? null
            : new V1DeploymentCondition
            {
                Type = DeploymentConditions.ReplicaFailure,
                Status = failure.Status,
                Reason = failure.Reason,
                Message = failure.Message,
                LastUpdateTime = failure.LastTransitionTime,
                LastTransitionTime = failure.LastTransitionTime,
            };
    }

    /// <summary>
    /// requeueStuckDeployment: with no event to wake it, a stuck rollout must still be looked at once its deadline passes.
    /// </summary>
    private static TimeSpan? StuckRequeue(RolloutContext context, V1DeploymentStatus status, V1DeploymentCondition? current)
    {
        if (!HasProgressDeadline(context.Deployment) || current is null || Complete(context.Deployment, status)
            || current.Reason == DeploymentConditions.ProgressDeadlineExceeded || current.LastUpdateTime is not { } lastUpdate)
        {
            return null;
        }

        var after = lastUpdate.AddSeconds(context.Deployment.Spec.ProgressDeadlineSeconds ?? 0) - context.Now;
        return after < TimeSpan.FromSeconds(1) ? TimeSpan.Zero : after + TimeSpan.FromSeconds(1);
    }
}
