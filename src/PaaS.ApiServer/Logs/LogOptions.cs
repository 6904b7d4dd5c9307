namespace PaaS.ApiServer.Logs;

/// <summary>Settings of the log store (section <c>Logs</c>; e.g. <c>Logs__Retention=2.00:00:00</c>).</summary>
public sealed class LogOptions
{
    public const string Section = "Logs";

    /// <summary>Lines older than this are deleted, and not stored when they arrive late.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired lines are deleted.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a followed log (<c>kubectl logs -f</c>) looks for new lines.</summary>
    public TimeSpan FollowPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
