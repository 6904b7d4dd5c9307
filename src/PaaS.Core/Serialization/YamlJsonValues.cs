using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Core.Serialization;

/// <summary>
/// Converts resolved scalars to JSON values and map keys to strings the way sigs.k8s.io/yaml's
/// convertToJSONableObject and json.Marshal do.
/// </summary>
internal static class YamlJsonValues
{
    /// <summary>Null when the scalar cannot be JSON (NaN, ±Inf), with the reason in <paramref name="error"/>.</summary>
    public static bool TryToNode(object? scalar, out JsonNode? node, out string error)
    {
        error = string.Empty;
        node = scalar switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),

            // Element-backed numbers convert on read, so GetValue<int>() works on "replicas: 3" as on parsed JSON.
            long integer => Number(integer.ToString(CultureInfo.InvariantCulture)),
            ulong unsigned => Number(unsigned.ToString(CultureInfo.InvariantCulture)),
            double number when double.IsFinite(number) => Number(number.ToString("R", CultureInfo.InvariantCulture)),
            double number => Fail(GoFloat.FormatPlain(number), out error),
            JsonNode collection => collection,
            _ => throw new InvalidOperationException("unexpected scalar type " + scalar.GetType()),
        };
        return error.Length == 0;
    }

    /// <summary>The JSON object key for a YAML map key, or null with the reason when it has none.</summary>
    public static string? ToKey(object? key, out string error)
    {
        error = string.Empty;
        switch (key)
        {
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case long integer:
                return integer.ToString(CultureInfo.InvariantCulture);
            case double number:
                return GoFloat.FormatKey(number);
            case ulong unsigned:
                error = "unsupported map key of type: uint64, key: " + unsigned.ToString(CultureInfo.InvariantCulture);
                return null;
            case null:
                error = "unsupported map key of type: <nil>, key: <nil>";
                return null;
            default:
                error = "invalid map key: " + ((JsonNode)key).ToJsonString();
                return null;
        }
    }

    private static JsonValue Number(string json) => JsonValue.Create(JsonElement.Parse(json))!;

    private static JsonNode? Fail(string value, out string error)
    {
        error = "json: unsupported value: " + value;
        return null;
    }
}
