using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PaaS.Core.Serialization;

/// <summary>
/// go-yaml v2's resolve(), which is what Kubernetes (sigs.k8s.io/yaml) uses: plain scalars become
/// null, bool (including yes/no/on/off/y/n), int, float or string; quoted and block scalars stay strings.
/// Results are null, bool, long, ulong, double or string.
/// </summary>
internal static class YamlScalarResolver
{
    private static readonly Dictionary<string, object?> Keywords = BuildKeywords();

    public static object? Resolve(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain ? ResolvePlain(value, timestampAllowed: true).Value : value;
        }

        var tag = scalar.Tag.IsNonSpecific ? "!" : scalar.Tag.Value;
        switch (tag)
        {
            case YamlTags.Str:
                return value;
            case YamlTags.Binary:
                return DecodeBinary(scalar);
            case YamlTags.Bool or YamlTags.Int or YamlTags.Float or YamlTags.Timestamp:
                return ResolveTagged(scalar, tag);
            default:
                // go-yaml only resolves the tags above; "!", "!!null", custom tags and the rest keep the text.
                return value;
        }
    }

    private static object? ResolveTagged(Scalar scalar, string tag)
    {
        var (resolvedTag, resolved) = ResolvePlain(scalar.Value, timestampAllowed: tag == YamlTags.Timestamp);
        if (resolvedTag == tag)
        {
            return resolved;
        }

        if (tag == YamlTags.Float && resolved is long or ulong)
        {
            return Convert.ToDouble(resolved, System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new YamlException(scalar.Start, scalar.End,
            $"cannot decode {YamlTags.Short(resolvedTag)} `{scalar.Value}` as a {YamlTags.Short(tag)}");
    }

    private static string DecodeBinary(Scalar scalar)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value));
        }
        catch (FormatException)
        {
            throw new YamlException(scalar.Start, scalar.End, "!!binary value contains invalid base64 data");
        }
    }

    private static (string Tag, object? Value) ResolvePlain(string text, bool timestampAllowed)
    {
        if (Keywords.TryGetValue(text, out var keyword))
        {
            return (TagOf(keyword), keyword);
        }

        if (text.Length == 0)
        {
            return (YamlTags.Str, text);
        }

        var hint = text[0];
        if (hint == '.')
        {
            return GoNumbers.TryParseYamlFloat(text, out var dotFloat) ? (YamlTags.Float, dotFloat) : (YamlTags.Str, text);
        }

        if (!char.IsAsciiDigit(hint) && hint is not ('+' or '-'))
        {
            return (YamlTags.Str, text);
        }

        // A timestamp into interface{} stays its original text in go-yaml v2; it only matters for !!timestamp.
        if (timestampAllowed && YamlTimestamp.IsTimestamp(text))
        {
            return (YamlTags.Timestamp, text);
        }

        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (GoNumbers.TryParseSigned(plain, out var integer))
        {
            return (YamlTags.Int, integer);
        }

        if (GoNumbers.TryParseUnsigned(plain, out var unsigned))
        {
            return (YamlTags.Int, unsigned);
        }

        return GoNumbers.TryParseYamlFloat(plain, out var number) ? (YamlTags.Float, number) : (YamlTags.Str, text);
    }

    private static string TagOf(object? keyword) => keyword switch
    {
        null => YamlTags.Null,
        bool => YamlTags.Bool,
        _ => YamlTags.Float,
    };

    // go-yaml v2's resolve table (YAML 1.1 booleans, nulls and the special floats).
    private static Dictionary<string, object?> BuildKeywords()
    {
        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(object? value, params string[] spellings)
        {
            foreach (var spelling in spellings)
            {
                keywords[spelling] = value;
            }
        }

        Add(true, "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(false, "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(null, string.Empty, "~", "null", "Null", "NULL");
        Add(double.NaN, ".nan", ".NaN", ".NAN");
        Add(double.PositiveInfinity, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(double.NegativeInfinity, "-.inf", "-.Inf", "-.INF");
        return keywords;
    }
}
