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
    public static (JsonNode? Node, List<string> Duplicates) Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 100 });
        var duplicates = new List<string>();
        return (Convert(document.RootElement, "", duplicates), duplicates);
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
