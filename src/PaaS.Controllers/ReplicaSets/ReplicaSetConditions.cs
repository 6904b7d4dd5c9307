namespace PaaS.Controllers.ReplicaSets;

/// <summary>Replica set condition types and reasons, as Kubernetes names them.</summary>
public static class ReplicaSetConditions
{
    public const string ReplicaFailure = "ReplicaFailure";
    public const string FailedCreate = "FailedCreate";
    public const string FailedDelete = "FailedDelete";

    /// <summary>
    /// Condition times are stored with whole seconds (RFC 3339); truncating here makes a status we write equal the status
    /// we read back, so an unchanged status is recognized as unchanged.
    /// </summary>
    public static DateTime Timestamp(DateTime now) => new(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Kind);
}
