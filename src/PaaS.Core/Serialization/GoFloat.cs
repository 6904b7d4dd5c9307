using System.Globalization;
using System.Text;

namespace PaaS.Core.Serialization;

/// <summary>Go float formatting needed for faithful YAML-to-JSON keys and error texts.</summary>
internal static class GoFloat
{
    /// <summary>How Go prints NaN and infinities with %v.</summary>
    public static string FormatPlain(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : "-Inf";

    /// <summary>
    /// sigs.k8s.io/yaml's float key: strconv.FormatFloat(key, 'g', -1, 32) with infinities and NaN spelled
    /// as YAML (".inf", "-.inf", ".nan"). So "1.5: x" gives "1.5" and "1e6: x" gives "1e+06".
    /// </summary>
    public static string FormatKey(double value)
    {
        var single = (float)value;
        if (float.IsNaN(single))
        {
            return ".nan";
        }

        if (float.IsInfinity(single))
        {
            return single > 0 ? ".inf" : "-.inf";
        }

        var sign = float.IsNegative(single) ? "-" : string.Empty;
        if (single == 0)
        {
            return sign + "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(single));

        // Go's shortest %g switches to exponent form below 1e-4 and from 1e6 (eprec is 6 when shortest).
        var exponent = point - 1;
        return sign + (exponent < -4 || exponent >= 6 ? Scientific(digits, exponent) : Fixed(digits, point));
    }

    // Shortest round-trip digits without leading/trailing zeros, and where the decimal point falls in them.
    private static (string Digits, int Point) ShortestDigits(float magnitude)
    {
        var text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var digits = dot < 0 ? text : whole + text[(dot + 1)..];
        var point = whole.Length + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        return (digits.Trim('0'), point - leading);
    }

    private static string Scientific(string digits, int exponent)
    {
        var builder = new StringBuilder().Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        return builder.Append(magnitude < 10 ? "0" : string.Empty).Append(magnitude.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length
            ? digits + new string('0', point - digits.Length)
            : digits[..point] + "." + digits[point..];
    }
}
