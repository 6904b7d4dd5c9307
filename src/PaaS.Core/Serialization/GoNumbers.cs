using System.Globalization;
using System.Text.RegularExpressions;

namespace PaaS.Core.Serialization;

/// <summary>Go's strconv.ParseInt/ParseUint with base 0 and go-yaml v2's float rule, for scalar resolution.</summary>
internal static partial class GoNumbers
{
    /// <summary>Base 0: "0x1f", "0o17", "0b101", and a leading "0" meaning octal ("017" is 15).</summary>
    public static bool TryParseUnsigned(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var radix = 10u;
        if (text[0] == '0')
        {
            var marker = text.Length >= 3 ? char.ToLowerInvariant(text[1]) : '\0';
            radix = marker switch
            {
                'b' => 2u,
                'x' => 16u,
                _ => 8u,
            };
            text = marker is 'b' or 'o' or 'x' ? text[2..] : text[1..];
        }

        foreach (var c in text)
        {
            var digit = char.IsAsciiDigit(c) ? (uint)(c - '0')
                : char.IsAsciiLetter(c) ? (uint)(char.ToLowerInvariant(c) - 'a' + 10)
                : uint.MaxValue;
            if (digit >= radix || value > (ulong.MaxValue - digit) / radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        return true;
    }

    public static bool TryParseSigned(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            text = text[1..];
        }

        if (!TryParseUnsigned(text, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    /// <summary>go-yaml v2's yamlStyleFloat followed by ParseFloat; out-of-range values are not floats (Go's ErrRange).</summary>
    public static bool TryParseYamlFloat(string text, out double value)
    {
        value = 0;
        if (!YamlFloatRegex().IsMatch(text))
        {
            return false;
        }

        value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloatRegex();
}
