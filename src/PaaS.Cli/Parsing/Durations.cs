using System.Globalization;
using System.Text.RegularExpressions;

namespace PaaS.Cli.Parsing;

/// <summary>Durations as <c>--expires</c> takes them: <c>90m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>, or combined, <c>1h30m</c>.</summary>
internal static partial class Durations
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(text);
        }

        var total = TimeSpan.Zero;
        try
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var amount = long.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                total += part.Value[^1] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => TimeSpan.FromDays(amount * 7),
                };
            }
        }
        catch (OverflowException)
        {
            throw Invalid(text);
        }

        return total > TimeSpan.Zero ? total : throw CliException.Usage($"invalid duration \"{text}\": it must be longer than zero");
    }

    private static CliException Invalid(string text) =>
        CliException.Usage($"invalid duration \"{text}\": use a number with a unit (s, m, h, d, w), e.g. 90m, 12h or 30d");

    [GeneratedRegex(@"^(?<part>[0-9]{1,9}[smhdw])+$")]
    private static partial Regex Pattern();
}
