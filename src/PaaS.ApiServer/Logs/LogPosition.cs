namespace PaaS.ApiServer.Logs;

/// <summary>Where a line sits in a container's log: its time, then its insertion id for lines of the same nanosecond.</summary>
internal readonly record struct LogPosition(long TimeUnixNano, long Id)
{
    public static LogPosition Start { get; } = new(long.MinValue, long.MinValue);
}
