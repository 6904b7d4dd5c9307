using System.Globalization;

namespace PaaS.Core.Quantities;

/// <summary>What a suffix multiplies by: 10^DecimalExponent * 2^BinaryExponent (Kubernetes' suffixHandler.interpret).</summary>
internal readonly record struct QuantitySuffix(long DecimalExponent, int BinaryExponent)
{
    public bool IsBinary => BinaryExponent > 0;

    public static bool TryInterpret(string suffix, out QuantitySuffix result)
    {
        QuantitySuffix? known = suffix switch
        {
            "n" => new QuantitySuffix(-9, 0),
            "u" => new QuantitySuffix(-6, 0),
            "m" => new QuantitySuffix(-3, 0),
            "" => new QuantitySuffix(0, 0),
            "k" => new QuantitySuffix(3, 0),
            "M" => new QuantitySuffix(6, 0),
            "G" => new QuantitySuffix(9, 0),
            "T" => new QuantitySuffix(12, 0),
            "P" => new QuantitySuffix(15, 0),
            "E" => new QuantitySuffix(18, 0),
            "Ki" => new QuantitySuffix(0, 10),
            "Mi" => new QuantitySuffix(0, 20),
            "Gi" => new QuantitySuffix(0, 30),
            "Ti" => new QuantitySuffix(0, 40),
            "Pi" => new QuantitySuffix(0, 50),
            "Ei" => new QuantitySuffix(0, 60),
            _ => null,
        };
        if (known is { } value)
        {
            result = value;
            return true;
        }

        // "E" alone is exa (above); "e3", "E-3" and "e+3" are decimal exponents, parsed like Go's ParseInt.
        if (suffix.Length > 1
            && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            result = new QuantitySuffix(exponent, 0);
            return true;
        }

        result = default;
        return false;
    }
}
