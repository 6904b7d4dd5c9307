using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// Parses a JSON request body the way Kubernetes' decoder reads it: a key given twice is allowed and
/// the last one wins, and every such key is reported (by path) for field validation, which refuses or
/// warns about it. (<c>JsonNode.Parse</c> alone would throw on the first duplicate when read.)
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 100 };

    public static (JsonNode? Node, List<string> Duplicates) Parse(byte[] bytes)
    {
        // The common case has no repeated key: one cheap scan, then the ordinary (lazy) parse.
        if (!HasRepeatedKey(bytes))
        {
            return (JsonNode.Parse(bytes, documentOptions: Options), []);
        }

        using var document = JsonDocument.Parse(bytes, Options);
        var duplicates = new List<string>();
        return (Convert(document.RootElement, "", duplicates), duplicates);
    }

    private static bool HasRepeatedKey(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 100 });
        var keys = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName when !keys.Peek().Add(reader.GetString()!):
                    return true;
            }
        }

        return false;
    }

    private static JsonNode? Convert(JsonElement element, string path, List<string> duplicates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (obj.Remove(property.Name))
                    {
                        duplicates.Add(child);
                    }

                    obj[property.Name] = Convert(property.Value, child, duplicates);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Convert(item, $"{path}[{index++}]", duplicates));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            default:
                // Clone: the value must outlive the document it was read from.
                return JsonValue.Create(element.Clone());
        }
    }
}
