using System.Globalization;

namespace PaaS.Core.Printing;

/// <summary>
/// k8s.io/apimachinery/pkg/util/duration.HumanDuration: about two significant figures, so a column of ages
/// stays narrow ("90s", "3m20s", "10m", "5h30m", "2d5h", "45d", "2y10d").
/// </summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        // Go truncates toward zero (int(d.Seconds())); up to 1s into the future still reads as "0s" to absorb clock skew.
        var seconds = d.Ticks / TimeSpan.TicksPerSecond;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return Invariant($"{seconds}s");
        }

        var minutes = d.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? Invariant($"{minutes}m") : Invariant($"{minutes}m{s}s");
        }

        if (minutes < 60 * 3)
        {
            return Invariant($"{minutes}m");
        }

        var hours = d.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? Invariant($"{hours}h") : Invariant($"{hours}h{m}m");
        }

        if (hours < 48)
        {
            return Invariant($"{hours}h");
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? Invariant($"{hours / 24}d") : Invariant($"{hours / 24}d{h}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{hours / 24}d");
        }

        if (hours < 24 * 365 * 8)
        {
            var dy = hours / 24 % 365;
            return dy == 0 ? Invariant($"{hours / 24 / 365}y") : Invariant($"{hours / 24 / 365}y{dy}d");
        }

        return Invariant($"{hours / 24 / 365}y");
    }

    /// <summary>The printers' translateTimestampSince: a missing (zero) timestamp prints as "&lt;unknown&gt;".</summary>
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } t ? Format(now - t) : "<unknown>";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
