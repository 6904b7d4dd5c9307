using System.Globalization;

namespace PaaS.Core.Quantities;

/// <summary>
/// Kubernetes' canonical DecimalSI form: an integer mantissa and the largest exponent that is a multiple
/// of three, shown as an SI suffix (1.5 is "1500m", 2000 is "2k"). Binary forms are not reproduced because
/// a Quantity does not remember which suffix it was written with.
/// </summary>
internal static class QuantityFormatter
{
    public static string Format(decimal value)
    {
        if (value == 0)
        {
            return "0";
        }

        var bits = decimal.GetBits(value);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var exponent = -((bits[3] >> 16) & 0xFF);
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        // Go's % keeps the sign like C#'s, so this walks down to the next multiple of three either way.
        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }

        var sign = value < 0 ? "-" : string.Empty;
        return sign + mantissa.ToString(CultureInfo.InvariantCulture) + Suffix(exponent);
    }

    private static string Suffix(int exponent) => exponent switch
    {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        0 => string.Empty,
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        18 => "E",
        _ => "e" + exponent.ToString(CultureInfo.InvariantCulture),
    };
}
