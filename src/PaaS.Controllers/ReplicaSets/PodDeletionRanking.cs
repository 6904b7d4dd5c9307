using System.Globalization;
using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// Which pods a replica set deletes first when it scales down: Kubernetes' ActivePodsWithRanks order, so that the pods
/// doing the least useful work go first and a scale-down never costs more availability than it must.
/// </summary>
/// <remarks>
/// Simplifications: the "doubled up" rank counts colocated pods of this replica set only (Kubernetes also counts pods of
/// the other replica sets of the same deployment), and ages are compared linearly, as before Kubernetes' LogarithmicScaleDown
/// (which buckets ages by powers of two to spread deletions over similar-aged pods).
/// </remarks>
public static class PodDeletionRanking
{
    /// <summary>Kubernetes' pod-deletion-cost annotation: lower cost is deleted first.</summary>
    public const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>
    /// The <paramref name="count"/> pods to delete; all of them without ranking when the count covers them all (as Kubernetes).
    /// </summary>
    public static IReadOnlyList<V1Pod> PodsToDelete(IReadOnlyList<V1Pod> activePods, int count) =>
        count >= activePods.Count ? activePods : Rank(activePods).Take(count).ToList();

    /// <summary>
    /// The pods in deletion order, first to go first:
    /// 1. unassigned before assigned; 2. Pending before Unknown before Running; 3. not ready before ready;
    /// 4. lower pod-deletion-cost first; 5. more pods of the set on the same node first;
    /// 6. of two ready pods, the more recently ready first; 7. higher container restart count first;
    /// 8. newer pods first. Pods missing a timestamp sort as the newest.
    /// </summary>
    public static IReadOnlyList<V1Pod> Rank(IReadOnlyList<V1Pod> activePods)
    {
        var podsPerNode = activePods
            .Where(PodAvailability.IsActive)
            .GroupBy(p => p.Spec?.NodeName ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ranked = activePods.Select(p => new RankedPod(p, podsPerNode.GetValueOrDefault(p.Spec?.NodeName ?? "")));
        return ranked.Order(Comparer.Instance).Select(r => r.Pod).ToList();
    }

    private sealed record RankedPod(V1Pod Pod, int ColocatedPods);

    private sealed class Comparer : IComparer<RankedPod>
    {
        public static readonly Comparer Instance = new();

        public int Compare(RankedPod? x, RankedPod? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var (a, b) = (x.Pod, y.Pod);
            int order;
            if ((order = Assigned(a).CompareTo(Assigned(b))) != 0
                || (order = PhaseOrdinal(a).CompareTo(PhaseOrdinal(b))) != 0
                || (order = PodAvailability.IsReady(a).CompareTo(PodAvailability.IsReady(b))) != 0
                || (order = DeletionCost(a).CompareTo(DeletionCost(b))) != 0
                || (order = y.ColocatedPods.CompareTo(x.ColocatedPods)) != 0)
            {
                return order;
            }

            if (PodAvailability.IsReady(a) && (order = NewerFirst(PodAvailability.ReadySince(a), PodAvailability.ReadySince(b))) != 0)
            {
                return order;
            }

            if ((order = MaxRestarts(b).CompareTo(MaxRestarts(a))) != 0)
            {
                return order;
            }

            return NewerFirst(a.Metadata?.CreationTimestamp, b.Metadata?.CreationTimestamp);
        }

        private static bool Assigned(V1Pod pod) => !string.IsNullOrEmpty(pod.Spec?.NodeName);

        // Any other phase (an empty one on a brand-new pod) counts as Pending, as a missing map entry does in Go.
        private static int PhaseOrdinal(V1Pod pod) => pod.Status?.Phase switch
        {
            "Unknown" => 1,
            "Running" => 2,
            _ => 0,
        };

        private static int DeletionCost(V1Pod pod) =>
            pod.Metadata?.Annotations?.TryGetValue(DeletionCostAnnotation, out var text) == true
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost)
                ? cost
                : 0;

        private static int MaxRestarts(V1Pod pod) => pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;

        // Kubernetes' afterOrZero: a missing time sorts first, then the later time.
        private static int NewerFirst(DateTime? a, DateTime? b) => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => b.Value.CompareTo(a.Value),
        };
    }
}
