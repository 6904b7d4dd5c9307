using System.Globalization;
using System.Text.RegularExpressions;

namespace PaaS.Core.Serialization;

/// <summary>
/// The timestamp layouts go-yaml v2 accepts ("2006-1-2T15:4:5.999999999Z07:00", the same with 't' or
/// a space and no zone, and "2006-1-2"), including time.Parse's range checks on each field.
/// </summary>
internal static partial class YamlTimestamp
{
    public static bool IsTimestamp(string text)
    {
        var match = TimestampRegex().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            return false;
        }

        return !match.Groups["hour"].Success
            || (Number(match, "hour") < 24 && Number(match, "minute") < 60 && Number(match, "second") < 60);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})"
        + @"([Tt](?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
        + @"| (?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(\.[0-9]+)?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimestampRegex();
}
