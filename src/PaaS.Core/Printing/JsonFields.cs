using System.Globalization;
using System.Text.Json.Nodes;

namespace PaaS.Core.Printing;

/// <summary>
/// Lenient reads from an object's JSON. A missing or mistyped field reads as Go's zero value, because the
/// printers work on Go structs where absent fields are "", 0 or nil; a table must print whatever is stored.
/// </summary>
internal static class JsonFields
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }

    public static JsonObject? Object(JsonNode? node, params string[] path) => At(node, path) as JsonObject;

    public static string Text(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    public static long Number(JsonNode? node, params string[] path)
    {
        if (At(node, path) is not JsonValue value)
        {
            return 0;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        return value.TryGetValue<double>(out var real) ? (long)real : 0;
    }

    public static bool Flag(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static bool Has(JsonNode? node, params string[] path) => At(node, path) is not null;

    /// <summary>The array's object elements; anything else (null entries, scalars) is skipped.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The array's string elements, in order.</summary>
    public static IEnumerable<string> Texts(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];

    /// <summary>A string-to-string map (labels, selectors); non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonNode? node, params string[] path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (At(node, path) is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }

    /// <summary>An RFC 3339 timestamp (metav1.Time or MicroTime); null stands for Go's zero time.</summary>
    public static DateTimeOffset? Time(JsonNode? node, params string[] path)
    {
        if (At(node, path) is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<string>(out var text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
        }

        // Objects built in code may carry typed dates rather than their wire text.
        if (value.TryGetValue<DateTimeOffset>(out var offset))
        {
            return offset;
        }

        return value.TryGetValue<DateTime>(out var date) ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;
    }
}
