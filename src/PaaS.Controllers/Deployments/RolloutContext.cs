using System.Globalization;
using k8s.Models;
using PaaS.Controllers.ReplicaSets;
using PaaS.Core.Resources;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// The state one deployment sync works on. Kubernetes' controller writes as it goes and reads its own writes back through
/// the objects it holds; here every write lands in this projection instead, and <see cref="ToPlan"/> lists them.
/// </summary>
internal sealed class RolloutContext
{
    public RolloutContext(DeploymentObservation observation)
    {
        Deployment = observation.Deployment;
        Now = observation.Now;
        Observed = Deployment.Status ?? new V1DeploymentStatus();
        Working = ModelCopy.DeepCopy(Observed);
        var podsByOwner = observation.Pods
            .GroupBy(p => ControllerReferences.ControllerOf(p.Metadata)?.Uid ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<V1Pod>)g.ToList(), StringComparer.Ordinal);
        var owned = observation.ReplicaSets.Where(rs => ControllerReferences.IsControlledBy(rs.Metadata, Deployment.Metadata.Uid));
        ReplicaSets = ReplicaSetOrder.OldestFirst(owned, rs => rs)
            .Select(rs => new ProjectedReplicaSet(rs, podsByOwner.GetValueOrDefault(rs.Metadata.Uid ?? "") ?? [], MinReadySeconds, Now))
            .ToList();
    }

    public V1Deployment Deployment { get; }

    public DateTime Now { get; }

    public int Replicas => RolloutMath.Replicas(Deployment);

    public int MinReadySeconds => Deployment.Spec.MinReadySeconds ?? 0;

    /// <summary>The status as read: the baseline for "has the rollout progressed".</summary>
    public V1DeploymentStatus Observed { get; }

    /// <summary>
    /// The status Kubernetes would hold in memory mid-sync: the observed one with the conditions and collision count this
    /// sync has set so far (paused, new replica set found or created).
    /// </summary>
    public V1DeploymentStatus Working { get; }

    /// <summary>Oldest first; the new replica set is added when planned.</summary>
    public List<ProjectedReplicaSet> ReplicaSets { get; }

    public ProjectedReplicaSet? New { get; set; }

    public IEnumerable<ProjectedReplicaSet> Old => ReplicaSets.Where(rs => rs != New);

    public int TotalReplicas => ReplicaSets.Sum(rs => rs.Replicas);

    public List<ProjectedReplicaSet> ToDelete { get; } = [];

    /// <summary>Set by the final status step; when a sync ends early (hash collision) the working status is written.</summary>
    public V1DeploymentStatus? FinalStatus { get; set; }

    public V1DeploymentStatus? StatusBeforeCreate { get; set; }

    public string? RevisionToRecord { get; private set; }

    public TimeSpan? RequeueAfter { get; private set; }

    public void Requeue(TimeSpan after) => RequeueAfter = RequeueAfter is { } earlier && earlier < after ? earlier : after;

    /// <summary>Kubernetes' SetDeploymentRevision.</summary>
    public void RecordRevision(long revision)
    {
        var text = revision.ToString(CultureInfo.InvariantCulture);
        if (Deployment.Metadata.Annotations?.TryGetValue(DeploymentAnnotations.Revision, out var current) != true || current != text)
        {
            RevisionToRecord = text;
        }
    }

    /// <summary>Kubernetes' scaleReplicaSetAndRecordEvent: nothing when the size is already right.</summary>
    public bool ScaleIfDifferent(ProjectedReplicaSet replicaSet, int replicas) =>
        replicaSet.Replicas != replicas && Scale(replicaSet, replicas);

    /// <summary>
    /// Kubernetes' scaleReplicaSet: set the size and stamp the desired-replicas / max-replicas annotations, which is how a
    /// later sync tells that the user scaled the deployment. True when the size changed.
    /// </summary>
    public bool Scale(ProjectedReplicaSet replicaSet, int replicas)
    {
        var sizeChanges = replicaSet.Replicas != replicas;
        replicaSet.Replicas = replicas;
        var annotationsChanged = DeploymentAnnotations.SetReplicasAnnotations(replicaSet.Object, Replicas, Replicas + RolloutMath.MaxSurge(Deployment));
        replicaSet.Modified |= sizeChanges || annotationsChanged;
        return sizeChanges;
    }

    public DeploymentPlan ToPlan()
    {
        var status = FinalStatus ?? Working;
        foreach (var pod in ReplicaSets.SelectMany(rs => rs.Pods))
        {
            if (PodAvailability.TimeUntilAvailable(pod, MinReadySeconds, Now) is { } wait)
            {
                Requeue(wait + TimeSpan.FromSeconds(1));
            }
        }

        return new DeploymentPlan(
            New is { ToCreate: true } created ? created.Object : null,
            ReplicaSets.Where(rs => rs is { ToCreate: false, Modified: true }).Select(rs => new ReplicaSetUpdate(rs.Object, rs.ObservedReplicas)).ToList(),
            ToDelete.Select(rs => rs.Object).ToList(),
            status,
            ObjectJson.Serialize(Observed) != ObjectJson.Serialize(status),
            RevisionToRecord,
            RequeueAfter)
        {
            Deployment = Deployment,
            StatusBeforeCreate = StatusBeforeCreate,
        };
    }
}
