using System.Globalization;
using System.Text.RegularExpressions;

namespace PaaS.Cli.Parsing;

/// <summary>
/// Kubernetes quantities (<c>1500m</c>, <c>4</c>, <c>512Mi</c>, <c>2G</c>, <c>1e3</c>) as numbers, for
/// client-side validation and quota bars. Small on purpose: PaaS.Core's model would pull the whole
/// Kubernetes client into a process that starts for every completion keystroke.
/// </summary>
internal static partial class Quantity
{
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        var match = Pattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups["suffix"].Value;
        try
        {
            value = suffix.StartsWith('e') || suffix.StartsWith('E')
                ? number * Power(10, int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
                : number * Multiplier(suffix);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal Multiplier(string suffix) => suffix switch
    {
        "" => 1m,
        "n" => 0.000000001m,
        "u" => 0.000001m,
        "m" => 0.001m,
        "k" => 1e3m,
        "M" => 1e6m,
        "G" => 1e9m,
        "T" => 1e12m,
        "P" => 1e15m,
        "E" => 1e18m,
        "Ki" => 1024m,
        "Mi" => Power(1024, 2),
        "Gi" => Power(1024, 3),
        "Ti" => Power(1024, 4),
        "Pi" => Power(1024, 5),
        "Ei" => Power(1024, 6),
        _ => throw new OverflowException(),
    };

    private static decimal Power(decimal @base, int exponent)
    {
        if (Math.Abs(exponent) > 27)
        {
            throw new OverflowException();
        }

        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * @base : result / @base;
        }

        return result;
    }

    [GeneratedRegex(@"^(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$")]
    private static partial Regex Pattern();
}
