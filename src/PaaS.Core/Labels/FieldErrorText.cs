using System.Globalization;
using System.Text;

namespace PaaS.Core.Labels;

/// <summary>
/// Renders errors the way k8s.io/apimachinery/pkg/util/validation/field does ("values[0][app]: Invalid value: ...")
/// and joins several like utilerrors.Aggregate, so selector errors read like a real API server's.
/// </summary>
internal static class FieldErrorText
{
    public static string Invalid(string? fieldPath, string value, string detail) =>
        $"{fieldPath ?? "<nil>"}: Invalid value: {GoQuote(value)}: {detail}";

    /// <summary>Go prints a []string bad value with %#v; an empty one came from a nil slice.</summary>
    public static string InvalidList(string fieldPath, IReadOnlyList<string> values, string detail)
    {
        var rendered = values.Count == 0
            ? "[]string(nil)"
            : "[]string{" + string.Join(", ", values.Select(GoQuote)) + "}";
        return $"{fieldPath}: Invalid value: {rendered}: {detail}";
    }

    public static string Aggregate(IReadOnlyList<string> messages)
    {
        var distinct = messages.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }

    /// <summary>Close to Go's strconv.Quote: escapes quotes, backslashes and control characters.</summary>
    public static string GoQuote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append(@"\\"),
                '\a' => builder.Append(@"\a"),
                '\b' => builder.Append(@"\b"),
                '\f' => builder.Append(@"\f"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                '\v' => builder.Append(@"\v"),
                _ when c < ' ' || c == '\x7f' => builder.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
