using k8s.Models;
using PaaS.Core.Labels;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// The decisions of Kubernetes' ReplicaSet controller (syncReplicaSet / manageReplicas / calculateStatus) as a pure
/// function of what was observed: which pods to claim, create and delete, and the status that results.
/// </summary>
public static class ReplicaSetPlanner
{
    /// <summary>Kubernetes' BurstReplicas: the most pods created or deleted in one sync.</summary>
    public const int BurstReplicas = 500;

    public const string ApiVersion = "apps/v1";
    public const string Kind = "ReplicaSet";

    /// <exception cref="FormatException">The replica set's selector is invalid (validation should have refused it).</exception>
    public static ReplicaSetPlan Plan(ReplicaSetObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var replicaSet = observation.ReplicaSet;
        var claim = ClaimPods(replicaSet, observation.Pods);
        var active = claim.Owned.Concat(claim.ToAdopt).ToList();

        var podsToCreate = 0;
        IReadOnlyList<V1Pod> podsToDelete = [];
        if (observation.ExpectationsSatisfied && replicaSet.Metadata.DeletionTimestamp is null)
        {
            var diff = active.Count - (replicaSet.Spec.Replicas ?? 1);
            if (diff < 0)
            {
                podsToCreate = Math.Min(-diff, BurstReplicas);
            }
            else if (diff > 0)
            {
                podsToDelete = PodDeletionRanking.PodsToDelete(active, Math.Min(diff, BurstReplicas));
            }
        }

        var minReadySeconds = replicaSet.Spec.MinReadySeconds ?? 0;
        return new ReplicaSetPlan(
            podsToCreate,
            podsToCreate > 0 ? NewPod(replicaSet) : null,
            podsToDelete,
            claim.ToAdopt,
            claim.ToRelease,
            CalculateStatus(replicaSet, active, observation.Now),
            active.Select(p => PodAvailability.TimeUntilAvailable(p, minReadySeconds, observation.Now)).Min() is { } wait
                ? wait + TimeSpan.FromSeconds(1)
                : null)
        {
            ExistingFailure = replicaSet.Status?.Conditions?.FirstOrDefault(c => c.Type == ReplicaSetConditions.ReplicaFailure),
        };
    }

    /// <summary>
    /// Kubernetes' GetPodFromTemplate: the template's labels, annotations, finalizers and spec, named by the API server
    /// from <c>&lt;replica set&gt;-</c>, controlled by the replica set.
    /// </summary>
    public static V1Pod NewPod(V1ReplicaSet replicaSet)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        var template = ModelCopy.DeepCopy(replicaSet.Spec.Template ?? new V1PodTemplateSpec());
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                GenerateName = replicaSet.Metadata.Name + "-",
                NamespaceProperty = replicaSet.Metadata.NamespaceProperty,
                Labels = template.Metadata?.Labels,
                Annotations = template.Metadata?.Annotations,
                Finalizers = template.Metadata?.Finalizers,
                OwnerReferences = [ControllerReferences.For(ApiVersion, Kind, replicaSet.Metadata)],
            },
            Spec = template.Spec,
        };
    }

    /// <summary>
    /// Kubernetes' calculateStatus over the active pods the replica set owns. observedGeneration is the generation that
    /// was planned for; the ReplicaFailure condition is dropped (see <see cref="ReplicaSetPlan.StatusAfterFailure"/>).
    /// </summary>
    internal static V1ReplicaSetStatus CalculateStatus(V1ReplicaSet replicaSet, IReadOnlyList<V1Pod> activePods, DateTime now)
    {
        var templateLabels = replicaSet.Spec.Template?.Metadata?.Labels ?? new Dictionary<string, string>();
        var minReadySeconds = replicaSet.Spec.MinReadySeconds ?? 0;
        var conditions = (replicaSet.Status?.Conditions ?? []).Where(c => c.Type != ReplicaSetConditions.ReplicaFailure).ToList();
        return new V1ReplicaSetStatus
        {
            Replicas = activePods.Count,
            FullyLabeledReplicas = activePods.Count(p => templateLabels.All(l => p.Metadata.Labels?.TryGetValue(l.Key, out var v) == true && v == l.Value)),
            ReadyReplicas = activePods.Count(PodAvailability.IsReady),
            AvailableReplicas = activePods.Count(p => PodAvailability.IsAvailable(p, minReadySeconds, now)),
            ObservedGeneration = replicaSet.Metadata.Generation,
            Conditions = conditions.Count > 0 ? conditions : null,
        };
    }

    /// <summary>
    /// Kubernetes' ClaimPods over active pods: keep what we control and still select, release what we control but no
    /// longer select, adopt orphans we select. A replica set being deleted neither adopts nor releases.
    /// </summary>
    private static Claim ClaimPods(V1ReplicaSet replicaSet, IReadOnlyList<V1Pod> pods)
    {
        var selector = LabelSelector.FromModel(replicaSet.Spec.Selector);
        var beingDeleted = replicaSet.Metadata.DeletionTimestamp is not null;
        var claim = new Claim([], [], []);
        foreach (var pod in pods.Where(PodAvailability.IsActive))
        {
            var controller = ControllerReferences.ControllerOf(pod.Metadata);
            var selected = selector.Matches(pod.Metadata.Labels);
            if (controller is not null)
            {
                if (controller.Uid != replicaSet.Metadata.Uid)
                {
                    continue;
                }

                (selected ? claim.Owned : beingDeleted ? null : claim.ToRelease)?.Add(pod);
            }
            else if (selected && !beingDeleted && pod.Metadata.NamespaceProperty == replicaSet.Metadata.NamespaceProperty)
            {
                claim.ToAdopt.Add(pod);
            }
        }

        return claim;
    }

    private sealed record Claim(List<V1Pod> Owned, List<V1Pod> ToAdopt, List<V1Pod> ToRelease);
}
