namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' DeploymentController.scale: follow a change of spec.replicas without advancing the rollout (used while
/// paused and for scaling events).
/// </summary>
internal static class DeploymentScaler
{
    public static void Scale(RolloutContext context)
    {
        // One active replica set (or none: then the newest) simply takes the whole count.
        if (ActiveOrLatest(context) is { } only)
        {
            context.ScaleIfDifferent(only, context.Replicas);
            return;
        }

        // A saturated new replica set means old ones are leftovers (e.g. adopted): scale them away.
        if (IsSaturated(context))
        {
            foreach (var old in context.Old.Where(rs => rs.Replicas > 0))
            {
                context.ScaleIfDifferent(old, 0);
            }

            return;
        }

        if (!RolloutMath.IsRollingUpdate(context.Deployment))
        {
            return;
        }

        var active = context.ReplicaSets.Where(rs => rs.Replicas > 0).ToList();
        var sizes = ProportionalScaling.Distribute(context.Deployment, active.Select(rs => rs.Object));
        foreach (var replicaSet in active)
        {
            // Scale, not ScaleIfDifferent: every active replica set gets the new desired-replicas annotation, which ends the scaling event.
            context.Scale(replicaSet, sizes[replicaSet.Name]);
        }
    }

    /// <summary>
    /// isScalingEvent: an active replica set was last sized for a different replica count than the deployment has now.
    /// </summary>
    public static bool IsScalingEvent(RolloutContext context) =>
        context.ReplicaSets.Any(rs => rs.Replicas > 0
            && DeploymentAnnotations.IntAnnotation(rs.Object.Metadata, DeploymentAnnotations.DesiredReplicas) is { } desired
            && desired != context.Replicas);

    /// <summary>FindActiveOrLatest: the only active replica set; with none active, the new one or else the newest old one.</summary>
    private static ProjectedReplicaSet? ActiveOrLatest(RolloutContext context)
    {
        var oldNewestFirst = context.Old.Reverse().ToList();
        if (context.New is null && oldNewestFirst.Count == 0)
        {
            return null;
        }

        var active = oldNewestFirst.Append(context.New).OfType<ProjectedReplicaSet>().Where(rs => rs.Replicas > 0).ToList();
        return active.Count switch
        {
            0 => context.New ?? oldNewestFirst[0],
            1 => active[0],
            _ => null,
        };
    }

    private static bool IsSaturated(RolloutContext context) =>
        context.New is { } newReplicaSet
        && DeploymentAnnotations.IntAnnotation(newReplicaSet.Object.Metadata, DeploymentAnnotations.DesiredReplicas) == context.Replicas
        && newReplicaSet.Replicas == context.Replicas
        && newReplicaSet.AvailableReplicas == context.Replicas;
}
