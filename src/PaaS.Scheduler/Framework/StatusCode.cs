namespace PaaS.Scheduler.Framework;

/// <summary>The outcome kinds of a plugin call (a subset of kube-scheduler's framework.Code).</summary>
public enum StatusCode
{
    Success,

    /// <summary>The pod does not fit (the node, or at PreFilter every node); the reasons say why.</summary>
    Unschedulable,

    /// <summary>Something is broken (e.g. an unparsable request); the whole cycle fails, nothing is counted per node.</summary>
    Error,

    /// <summary>From PreFilter or PreScore: this plugin has nothing to check for this pod, so its Filter or Score is not run.</summary>
    Skip,
}
