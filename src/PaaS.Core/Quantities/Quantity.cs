namespace PaaS.Core.Quantities;

/// <summary>
/// A Kubernetes resource quantity (k8s.io/apimachinery/pkg/api/resource), held exactly as a decimal.
/// Parsing follows Kubernetes' scanner, including its rounding of sub-nano precision up to 1n.
/// </summary>
public readonly record struct Quantity(decimal Value) : IComparable<Quantity>
{
    /// <summary>Kubernetes' ErrFormatWrong text; used for every malformed quantity.</summary>
    public const string FormatErrorMessage =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>Used when a well-formed quantity does not fit in a decimal (Kubernetes itself is unbounded here).</summary>
    public const string OverflowErrorMessage =
        "quantity is too large to be represented: it must be at most 79228162514264337593543950335 in magnitude with at most 28 significant digits";

    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        if (QuantityParser.TryParse(text, out var value, out var failure))
        {
            quantity = new Quantity(value);
            error = string.Empty;
            return true;
        }

        quantity = default;
        error = failure;
        return false;
    }

    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity, out var error) ? quantity : throw new FormatException(error);

    /// <summary>
    /// The value in thousandths, like Kubernetes' MilliValue: any fraction of a milli rounds away from zero
    /// (1n becomes 1, -1.5m becomes -2). Saturates at the long range instead of wrapping like Go.
    /// </summary>
    public long ToMilli() => QuantityMath.AwayFromZeroToLong(Value, 1000m);

    /// <summary>The smallest whole number not below the value, saturating at the long range.</summary>
    public long ToLongCeiling() => QuantityMath.Saturate(decimal.Ceiling(Value));

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Kubernetes' canonical decimal form, e.g. 0.1 is "100m" and 1500 is "1500".</summary>
    public override string ToString() => QuantityFormatter.Format(Value);

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;
}
