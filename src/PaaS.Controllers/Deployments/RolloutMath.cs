using System.Globalization;
using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Kubernetes' rolling update arithmetic (pkg/controller/deployment/util): how far a rollout may surge above and dip below
/// the desired replica count. Surge rounds up and unavailability rounds down so that both err towards availability.
/// </summary>
public static class RolloutMath
{
    public const string RollingUpdate = "RollingUpdate";
    public const string Recreate = "Recreate";

    /// <summary>
    /// intstr.GetScaledValueFromIntOrPercent: an integer as is, or "N%" of <paramref name="total"/> rounded up or down.
    /// </summary>
    /// <exception cref="FormatException">Neither an integer nor a percentage.</exception>
    public static int ScaledValue(IntOrString value, int total, bool roundUp)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Value ?? "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (!text.EndsWith('%') || !int.TryParse(text[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException($"invalid value for IntOrString: invalid value \"{text}\": must be an integer or a percentage");
        }

        var scaled = (double)percent * total / 100;
        return (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }

    /// <summary>
    /// Kubernetes' ResolveFenceposts: maxSurge rounded up, maxUnavailable rounded down, absent values as 0. If both come to
    /// 0 (validation forbids that for explicit values, but rounding down can produce it), maxUnavailable is 1: otherwise
    /// the rollout could never move.
    /// </summary>
    public static (int MaxSurge, int MaxUnavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = maxSurge is null ? 0 : ScaledValue(maxSurge, desired, roundUp: true);
        var unavailable = maxUnavailable is null ? 0 : ScaledValue(maxUnavailable, desired, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    public static bool IsRollingUpdate(V1Deployment deployment) =>
        (deployment?.Spec.Strategy?.Type ?? RollingUpdate) == RollingUpdate;

    /// <summary>The resolved maxSurge; 0 for Recreate.</summary>
    public static int MaxSurge(V1Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!IsRollingUpdate(deployment))
        {
            return 0;
        }

        var rollingUpdate = deployment.Spec.Strategy?.RollingUpdate;
        return ResolveFenceposts(rollingUpdate?.MaxSurge, rollingUpdate?.MaxUnavailable, Replicas(deployment)).MaxSurge;
    }

    /// <summary>The resolved maxUnavailable, never more than the replicas; 0 for Recreate and for zero replicas.</summary>
    public static int MaxUnavailable(V1Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var replicas = Replicas(deployment);
        if (!IsRollingUpdate(deployment) || replicas == 0)
        {
            return 0;
        }

        var rollingUpdate = deployment.Spec.Strategy?.RollingUpdate;
        return Math.Min(replicas, ResolveFenceposts(rollingUpdate?.MaxSurge, rollingUpdate?.MaxUnavailable, replicas).MaxUnavailable);
    }

    /// <summary>
    /// Kubernetes' NewRSNewReplicas: the size the new replica set may grow to now. Rolling update: up to the surge limit,
    /// counting every replica set's spec.replicas (pods that exist or are about to), never beyond the desired count.
    /// Recreate: straight to the desired count (old pods are gone by then).
    /// </summary>
    /// <param name="allReplicaSetReplicas">The sum of spec.replicas over all replica sets, the new one included.</param>
    /// <param name="newReplicaSetReplicas">The new replica set's spec.replicas.</param>
    public static int NewReplicaSetReplicas(V1Deployment deployment, int allReplicaSetReplicas, int newReplicaSetReplicas)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var replicas = Replicas(deployment);
        if (!IsRollingUpdate(deployment))
        {
            return replicas;
        }

        // Kubernetes scales the raw maxSurge here rather than the resolved fencepost; the two differ only when both resolve to 0.
        var maxSurge = deployment.Spec.Strategy?.RollingUpdate?.MaxSurge is { } surge ? ScaledValue(surge, replicas, roundUp: true) : 0;
        var maxTotalPods = replicas + maxSurge;
        if (allReplicaSetReplicas >= maxTotalPods)
        {
            return newReplicaSetReplicas;
        }

        var scaleUpCount = Math.Min(maxTotalPods - allReplicaSetReplicas, replicas - newReplicaSetReplicas);
        return newReplicaSetReplicas + scaleUpCount;
    }

    /// <summary>
    /// How many old replicas the rolling update may remove now (reconcileOldReplicaSets' maxScaledDown): the total may
    /// fall to replicas - maxUnavailable, counting the new replica set's not-yet-available pods as already missing.
    /// </summary>
    public static int MaxOldScaleDown(V1Deployment deployment, int allReplicaSetReplicas, int newReplicaSetReplicas, int newReplicaSetAvailable)
    {
        var minAvailable = Replicas(deployment) - MaxUnavailable(deployment);
        var newUnavailable = newReplicaSetReplicas - newReplicaSetAvailable;
        return allReplicaSetReplicas - minAvailable - newUnavailable;
    }

    internal static int Replicas(V1Deployment deployment) => deployment.Spec.Replicas ?? 1;
}
