namespace PaaS.Scheduler.Service;

/// <summary>Settings of the scheduler role (section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>The scheduler's kubeconfig (a <c>system:scheduler</c> identity).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>How often the cache is rebuilt from a full list and unschedulable pods are tried again (default 30 s).</summary>
    public TimeSpan RelistInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bindings in flight at once (decisions are made one at a time; binding is asynchronous, as in kube-scheduler).
    /// A busy API answers a write in a few hundred milliseconds: at 16 the scheduler fell seconds behind a
    /// stream of 165 creations a second on 2 cores, at 64 it keeps pace (infra/bench/control-plane.sh).
    /// </summary>
    public int ParallelBindings { get; set; } = 64;

    /// <summary>Pods read ahead from the API while decisions are made one at a time (default 64, as bindings).</summary>
    public int ParallelReads { get; set; } = 64;
}
