namespace PaaS.ApiServer.Logs;

/// <summary>
/// The newest stored line's time of one container, kept by the same statement that stores lines, so an
/// agent's resume point costs one indexed read instead of a max over a week of lines.
/// </summary>
internal sealed class LogCursor
{
    public required string ContainerId { get; set; }

    public required string Node { get; set; }

    public long TimeUnixNano { get; set; }
}
