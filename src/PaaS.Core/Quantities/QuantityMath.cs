namespace PaaS.Core.Quantities;

/// <summary>Long conversions shared by <see cref="Quantity"/>; they saturate because a wrapped Go int64 is never useful here.</summary>
internal static class QuantityMath
{
    public static long AwayFromZeroToLong(decimal value, decimal factor)
    {
        // Checked before multiplying: decimal throws on overflow, and anything this big saturates anyway.
        if (decimal.Abs(value) > long.MaxValue / factor)
        {
            return value > 0 ? long.MaxValue : long.MinValue;
        }

        var scaled = value * factor;
        return Saturate(scaled >= 0 ? decimal.Ceiling(scaled) : decimal.Floor(scaled));
    }

    public static long Saturate(decimal whole)
    {
        if (whole >= long.MaxValue)
        {
            return long.MaxValue;
        }

        return whole <= long.MinValue ? long.MinValue : (long)whole;
    }
}
