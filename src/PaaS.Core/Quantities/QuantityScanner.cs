namespace PaaS.Core.Quantities;

/// <summary>Port of Kubernetes' parseQuantityString: sign, digits, optional fraction, then suffix characters.</summary>
internal static class QuantityScanner
{
    private const string SuffixCharacters = "eEinumkKMGTP";

    public static bool TryScan(string text, out QuantityParts parts)
    {
        parts = default;
        var pos = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            pos++;
        }

        var numerator = ReadDigits(text, ref pos);
        var fraction = string.Empty;
        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            fraction = ReadDigits(text, ref pos);
        }

        // Kubernetes' scanner accepts an empty number ("Mi", "+", ".") as zero; its documented grammar
        // (<digits>, <digits>.<digits>, <digits>. or .<digits>) does not, and neither do we.
        if (numerator.Length == 0 && fraction.Length == 0)
        {
            return false;
        }

        var suffixStart = pos;
        while (pos < text.Length && SuffixCharacters.Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] is '+' or '-')
        {
            pos++;
        }

        ReadDigits(text, ref pos);
        if (pos != text.Length)
        {
            return false;
        }

        parts = new QuantityParts(negative, numerator, fraction, text[suffixStart..]);
        return true;
    }

    private static string ReadDigits(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        return text[start..pos];
    }
}
