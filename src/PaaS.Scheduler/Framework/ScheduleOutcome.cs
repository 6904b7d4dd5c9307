namespace PaaS.Scheduler.Framework;

public enum ScheduleOutcome
{
    /// <summary>A node was chosen: assume the pod there and bind it.</summary>
    Scheduled,

    /// <summary>No node fits now; record a FailedScheduling event with the message and retry when the cluster changes.</summary>
    Unschedulable,

    /// <summary>A plugin failed (e.g. an unparsable request); retrying without a change to the pod will not help.</summary>
    Error,
}
