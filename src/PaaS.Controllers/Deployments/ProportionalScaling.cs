using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' proportional scaling (DeploymentController.scale, GetProportion): when a deployment is scaled in the middle
/// of a rolling update, every active replica set grows or shrinks by its share, so the rollout keeps its shape instead of
/// dumping all new replicas on one replica set.
/// </summary>
/// <remarks>
/// A replica set's share is measured against the max-replicas annotation (the deployment's replicas + maxSurge when the
/// replica set was last scaled by the controller). Without the annotation, Kubernetes falls back to the deployment's
/// status.replicas; when that is 0 too, this gives the replica set no share (Kubernetes would divide by zero) and the
/// leftover goes to the largest replica set.
/// </remarks>
public static class ProportionalScaling
{
    /// <summary>
    /// The new size of each active replica set (spec.replicas &gt; 0), by name: the difference between
    /// replicas + maxSurge and their current total, shared out in proportion, largest replica sets first (when growing,
    /// newer first among equals; when shrinking, older first), any rounding leftover added to the first.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Distribute(V1Deployment deployment, IEnumerable<V1ReplicaSet> activeReplicaSets)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var active = activeReplicaSets.Where(rs => (rs.Spec.Replicas ?? 0) > 0).ToList();
        var replicas = RolloutMath.Replicas(deployment);
        var allowedSize = replicas > 0 ? replicas + RolloutMath.MaxSurge(deployment) : 0;
        var toAdd = allowedSize - active.Sum(rs => rs.Spec.Replicas ?? 0);
        var ordered = toAdd == 0 ? active : ReplicaSetOrder.LargestFirst(active, rs => rs, newerFirst: toAdd > 0).ToList();

        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var added = 0;
        foreach (var rs in ordered)
        {
            var proportion = Proportion(rs, deployment, toAdd, added);
            sizes[rs.Metadata.Name] = (rs.Spec.Replicas ?? 0) + proportion;
            added += proportion;
        }

        if (ordered.Count > 0 && toAdd != 0)
        {
            var first = ordered[0].Metadata.Name;
            sizes[first] = Math.Max(0, sizes[first] + toAdd - added);
        }

        return sizes;
    }

    /// <summary>
    /// Kubernetes' GetProportion: the replica set's fraction, but never more than what is left to add (or remove) of
    /// <paramref name="toAdd"/> after <paramref name="added"/>.
    /// </summary>
    public static int Proportion(V1ReplicaSet replicaSet, V1Deployment deployment, int toAdd, int added)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        if ((replicaSet.Spec.Replicas ?? 0) == 0 || toAdd == 0 || toAdd == added)
        {
            return 0;
        }

        var fraction = Fraction(replicaSet, deployment);
        var allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    /// <summary>
    /// Kubernetes' getReplicaSetFraction: how many replicas the replica set gains (or loses) if it keeps its share of
    /// the deployment's maximum size; scaling to zero takes all of it.
    /// </summary>
    public static int Fraction(V1ReplicaSet replicaSet, V1Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        ArgumentNullException.ThrowIfNull(deployment);
        var size = replicaSet.Spec.Replicas ?? 0;
        var replicas = RolloutMath.Replicas(deployment);
        if (replicas == 0)
        {
            return -size;
        }

        var maxReplicas = replicas + RolloutMath.MaxSurge(deployment);
        var maxReplicasBeforeScale = DeploymentAnnotations.IntAnnotation(replicaSet.Metadata, DeploymentAnnotations.MaxReplicas) is { } annotated and > 0
            ? annotated
            : deployment.Status?.Replicas ?? 0;
        if (maxReplicasBeforeScale == 0)
        {
            return 0;
        }

        var newSize = (double)size * maxReplicas / maxReplicasBeforeScale;
        return (int)Math.Round(newSize, MidpointRounding.AwayFromZero) - size;
    }
}
