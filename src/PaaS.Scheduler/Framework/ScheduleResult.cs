namespace PaaS.Scheduler.Framework;

/// <summary>The decision of one cycle, plus how much of the cluster it looked at.</summary>
public sealed class ScheduleResult
{
    private ScheduleResult(ScheduleOutcome outcome, string? nodeName, FitError? fitError, string? error, int evaluatedNodes, int feasibleNodes)
    {
        Outcome = outcome;
        NodeName = nodeName;
        FitError = fitError;
        Error = error;
        EvaluatedNodes = evaluatedNodes;
        FeasibleNodes = feasibleNodes;
    }

    public ScheduleOutcome Outcome { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="ScheduleOutcome.Scheduled"/>.</summary>
    public string? NodeName { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="ScheduleOutcome.Unschedulable"/>.</summary>
    public FitError? FitError { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="ScheduleOutcome.Error"/>.</summary>
    public string? Error { get; }

    /// <summary>Nodes run through the filters (fewer than all when sampling stopped early).</summary>
    public int EvaluatedNodes { get; }

    /// <summary>Nodes that passed every filter; only these were scored.</summary>
    public int FeasibleNodes { get; }

    /// <summary>A line for logs and events: the node, the FitError message, or the error.</summary>
    public string Message => Outcome switch
    {
        ScheduleOutcome.Scheduled => $"assigned to {NodeName}",
        ScheduleOutcome.Unschedulable => FitError!.Message,
        _ => Error!,
    };

    internal static ScheduleResult Scheduled(string nodeName, int evaluated, int feasible) =>
        new(ScheduleOutcome.Scheduled, nodeName, null, null, evaluated, feasible);

    internal static ScheduleResult Unschedulable(FitError fitError, int evaluated) =>
        new(ScheduleOutcome.Unschedulable, null, fitError, null, evaluated, 0);

    internal static ScheduleResult Failed(string error, int evaluated) =>
        new(ScheduleOutcome.Error, null, null, error, evaluated, 0);
}
