using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Deployments;

/// <summary>Deployment condition types and reasons as Kubernetes names them, and its rules for setting them.</summary>
public static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string ReplicaSetCreateError = "ReplicaSetCreateError";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    public static V1DeploymentCondition? Get(V1DeploymentStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>A condition as of <paramref name="now"/>: both times set, at the seconds the API stores.</summary>
    public static V1DeploymentCondition New(string type, string status, string reason, string message, DateTime now)
    {
        var stamp = ReplicaSetConditions.Timestamp(now);
        return new V1DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = stamp,
            LastTransitionTime = stamp,
        };
    }

    /// <summary>
    /// Kubernetes' SetDeploymentCondition: nothing changes when status and reason are the same (so lastUpdateTime marks a
    /// real change); lastTransitionTime is kept while the status stays the same.
    /// </summary>
    public static void Set(V1DeploymentStatus status, V1DeploymentCondition condition)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(condition);
        var current = Get(status, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason)
        {
            return;
        }

        if (current is not null && current.Status == condition.Status)
        {
            condition.LastTransitionTime = current.LastTransitionTime;
        }

        status.Conditions = [.. (status.Conditions ?? []).Where(c => c.Type != condition.Type), condition];
    }

    public static void Remove(V1DeploymentStatus status, string type)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Conditions is not null)
        {
            status.Conditions = status.Conditions.Where(c => c.Type != type).ToList();
        }
    }
}
