using System.Buffers.Binary;
using System.Numerics;

namespace PaaS.Core.Quantities;

/// <summary>
/// Turns scanned parts into an exact decimal the way Kubernetes' ParseQuantity does: round any precision
/// below 1n up (away from zero), and cap binary-suffixed values at 2^63-1.
/// </summary>
internal static class QuantityParser
{
    // Far beyond any real quantity; bounds the BigInteger work an API request can cause.
    private const int MaxSignificantDigits = 1000;

    // Exponents past this are decided without arithmetic (overflow or 1n), so clamping changes nothing.
    private const long ExponentClamp = 1_000_000_000_000;

    private const int NanoScale = 9;

    private static readonly BigInteger MaxDecimalMantissa = (BigInteger.One << 96) - 1;

    public static bool TryParse(string? text, out decimal value, out string error)
    {
        value = 0;
        error = Quantity.FormatErrorMessage;
        if (string.IsNullOrEmpty(text)
            || !QuantityScanner.TryScan(text, out var parts)
            || !QuantitySuffix.TryInterpret(parts.Suffix, out var suffix))
        {
            return false;
        }

        if (!TryComputeMantissa(parts, suffix, out var mantissa, out var scale)
            || !TryToDecimal(mantissa, scale, parts.Negative, out value))
        {
            error = Quantity.OverflowErrorMessage;
            return false;
        }

        error = string.Empty;
        return true;
    }

    // The value is mantissa * 10^-scale with 0 <= scale <= 9.
    private static bool TryComputeMantissa(QuantityParts parts, QuantitySuffix suffix, out BigInteger mantissa, out int scale)
    {
        mantissa = BigInteger.Zero;
        scale = 0;
        var digits = (parts.Numerator + parts.Fraction).TrimStart('0');
        var significant = digits.TrimEnd('0');
        if (significant.Length == 0)
        {
            return true;
        }

        if (significant.Length > MaxSignificantDigits)
        {
            return false;
        }

        var exponent = Math.Clamp(suffix.DecimalExponent, -ExponentClamp, ExponentClamp)
            - parts.Fraction.Length
            + (digits.Length - significant.Length);
        var magnitude = significant.Length - 1 + exponent;
        if (suffix.IsBinary && magnitude >= 19)
        {
            // At least 10^19 > 2^63-1: Kubernetes caps binary quantities there.
            mantissa = long.MaxValue;
            return true;
        }

        if (magnitude >= 29)
        {
            return false;
        }

        if (exponent < -(significant.Length + 28))
        {
            // Below 10^-9 even after a 2^60 suffix, so it rounds up to the smallest unit.
            mantissa = BigInteger.One;
            scale = NanoScale;
            return true;
        }

        mantissa = BigInteger.Parse(significant, System.Globalization.CultureInfo.InvariantCulture) << suffix.BinaryExponent;
        if (exponent >= 0)
        {
            mantissa *= BigInteger.Pow(10, (int)exponent);
        }
        else
        {
            scale = (int)-exponent;
            if (scale > NanoScale)
            {
                mantissa = BigInteger.DivRem(mantissa, BigInteger.Pow(10, scale - NanoScale), out var remainder);
                mantissa += remainder.IsZero ? 0 : 1;
                scale = NanoScale;
            }
        }

        if (suffix.IsBinary && mantissa > long.MaxValue * BigInteger.Pow(10, scale))
        {
            mantissa = long.MaxValue;
            scale = 0;
        }

        while (scale > 0 && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            scale--;
        }

        return true;
    }

    private static bool TryToDecimal(BigInteger mantissa, int scale, bool negative, out decimal value)
    {
        value = 0;
        if (mantissa > MaxDecimalMantissa)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[12];
        bytes.Clear();
        mantissa.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        value = new decimal(
            BinaryPrimitives.ReadInt32LittleEndian(bytes),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]),
            negative && !mantissa.IsZero,
            (byte)scale);
        return true;
    }
}
