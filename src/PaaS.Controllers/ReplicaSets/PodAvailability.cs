using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// Kubernetes' pod predicates (pkg/api/v1/pod, pkg/controller): what counts as an active, ready and available replica.
/// </summary>
public static class PodAvailability
{
    /// <summary>
    /// A pod still counts as a replica unless it has finished or is being deleted: a terminating pod is on its way out,
    /// and counting it would keep the replica set from replacing it.
    /// </summary>
    public static bool IsActive(V1Pod pod) =>
        pod.Metadata?.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");

    public static bool IsReady(V1Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>When the pod last turned ready; null when it is not ready or the kubelet did not say.</summary>
    public static DateTime? ReadySince(V1Pod pod) =>
        ReadyCondition(pod) is { Status: "True", LastTransitionTime: { } since } ? since : null;

    /// <summary>
    /// Ready for more than <paramref name="minReadySeconds"/> as of <paramref name="now"/> (strictly, as Kubernetes'
    /// IsPodAvailable); with minReadySeconds 0 every ready pod is available.
    /// </summary>
    public static bool IsAvailable(V1Pod pod, int minReadySeconds, DateTime now)
    {
        if (!IsReady(pod))
        {
            return false;
        }

        return minReadySeconds == 0 || (ReadySince(pod) is { } since && since.AddSeconds(minReadySeconds) < now);
    }

    /// <summary>
    /// How long until a ready pod becomes available, so a controller can look again then instead of waiting for an
    /// unrelated event; null when the pod is not ready or already available.
    /// </summary>
    public static TimeSpan? TimeUntilAvailable(V1Pod pod, int minReadySeconds, DateTime now)
    {
        if (minReadySeconds == 0 || ReadySince(pod) is not { } since || IsAvailable(pod, minReadySeconds, now))
        {
            return null;
        }

        return since.AddSeconds(minReadySeconds) - now;
    }

    private static V1PodCondition? ReadyCondition(V1Pod pod) =>
        pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
}
