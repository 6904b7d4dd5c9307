namespace PaaS.Scheduler.Framework;

/// <summary>What a plugin call returned. Reasons use Kubernetes' wording because they end up in the user's FailedScheduling event.</summary>
public sealed class PluginStatus
{
    private PluginStatus(StatusCode code, IReadOnlyList<string> reasons)
    {
        Code = code;
        Reasons = reasons;
    }

    public static PluginStatus Success { get; } = new(StatusCode.Success, []);

    public static PluginStatus Skip { get; } = new(StatusCode.Skip, []);

    public StatusCode Code { get; }

    /// <summary>One entry per independent reason; a node failing for two (e.g. cpu and memory) counts once for each.</summary>
    public IReadOnlyList<string> Reasons { get; }

    public bool IsSuccess => Code == StatusCode.Success;

    /// <summary>The reasons joined with ", ", as Status.Message() does.</summary>
    public string Message => string.Join(", ", Reasons);

    public static PluginStatus Unschedulable(params string[] reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Length == 0
            ? throw new ArgumentException("an unschedulable status needs a reason", nameof(reasons))
            : new PluginStatus(StatusCode.Unschedulable, reasons);
    }

    public static PluginStatus Error(string message) => new(StatusCode.Error, [message]);

    public override string ToString() => Reasons.Count == 0 ? Code.ToString() : $"{Code}: {Message}";
}
