using System.Globalization;
using System.Text.RegularExpressions;

namespace PaaS.Core.Logs;

/// <summary>
/// Log times as nanoseconds since the Unix epoch, read from and written as RFC 3339 with up to nine
/// fraction digits (Go's <c>time.RFC3339Nano</c>, which Docker and the kubelet print). .NET's own types
/// stop at 100 ns ticks, which would merge lines Docker tells apart.
/// </summary>
public static partial class LogTimestamp
{
    /// <summary>Parses an RFC 3339 time with any offset; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out long unixNanos)
    {
        unixNanos = 0;
        var match = text is null ? null : Rfc3339().Match(text);
        if (match is not { Success: true }
            || !DateTimeOffset.TryParseExact(match.Groups["base"].Value + match.Groups["zone"].Value.Replace("z", "Z", StringComparison.Ordinal).Replace("Z", "+00:00", StringComparison.Ordinal),
                "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var whole))
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value.PadRight(9, '0');
        unixNanos = (whole.ToUnixTimeSeconds() * 1_000_000_000) + int.Parse(fraction, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>UTC, trailing zeros of the fraction dropped (as Go prints RFC3339Nano).</summary>
    public static string Format(long unixNanos)
    {
        var seconds = Math.DivRem(unixNanos, 1_000_000_000, out var nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000;
        }

        var whole = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return nanos == 0 ? whole + "Z" : $"{whole}.{nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')}Z";
    }

    public static long FromDateTimeOffset(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    [GeneratedRegex(@"^(?<base>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
