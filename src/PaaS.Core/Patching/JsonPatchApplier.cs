using System.Globalization;
using System.Text.Json.Nodes;

namespace PaaS.Core.Patching;

/// <summary>
/// RFC 6902 JSON Patch: the operations run in order on a copy of the document, and the first one that fails
/// fails the whole patch, so a client never sees half of a patch applied.
/// </summary>
internal static class JsonPatchApplier
{
    public static JsonObject Apply(JsonObject original, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw PatchException.BadRequest("json patch: the patch must be a JSON array of operations");
        }

        JsonNode? document = original.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] as JsonObject
                ?? throw new PatchException($"json patch: operation {i} is not a JSON object");
            document = ApplyOperation(document, operation, i);
        }

        return document as JsonObject
            ?? throw new PatchException($"json patch: the patched document must be a JSON object, not {PatchJson.Text(document)}");
    }

    private static JsonNode? ApplyOperation(JsonNode? document, JsonObject operation, int index)
    {
        var op = ReadString(operation, "op", index);
        var path = ReadPointer(operation, "path", index);
        switch (op)
        {
            case "add":
                return Add(document, path, ReadValue(operation, op, index)?.DeepClone(), op);
            case "remove":
                _ = Remove(document, path, op);
                return document;
            case "replace":
                return Replace(document, path, ReadValue(operation, op, index)?.DeepClone());
            case "move":
                var from = ReadPointer(operation, "from", index);
                if (from.IsProperPrefixOf(path))
                {
                    throw NotApplicable(op, $"{from} cannot be moved into its own child {path}");
                }

                if (from.Text == path.Text)
                {
                    _ = Get(document, from, op);
                    return document;
                }

                return Add(document, path, Remove(document, from, op), op);
            case "copy":
                return Add(document, path, Get(document, ReadPointer(operation, "from", index), op)?.DeepClone(), op);
            case "test":
                var expected = ReadValue(operation, op, index);
                var actual = Get(document, path, op);
                return JsonNode.DeepEquals(actual, expected)
                    ? document
                    : throw NotApplicable(op, $"{Display(path)} is {PatchJson.Text(actual)}, not {PatchJson.Text(expected)}");
            default:
                throw new PatchException($"json patch: operation {index} has an unknown op \"{op}\"");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value, string op)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (Get(document, path.Parent(), op))
        {
            case JsonObject map:
                map[path.Last] = value;
                break;
            case JsonArray list:
                list.Insert(path.Last == "-" ? list.Count : Index(list, path, op, allowEnd: true), value);
                break;
            default:
                throw NotApplicable(op, $"{Display(path.Parent())} is not an object or an array");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path, string op)
    {
        if (path.IsRoot)
        {
            throw NotApplicable(op, "the whole document cannot be removed");
        }

        switch (Get(document, path.Parent(), op))
        {
            case JsonObject map:
                if (!map.TryGetPropertyValue(path.Last, out var value))
                {
                    throw NotApplicable(op, $"doc is missing path: {path}");
                }

                _ = map.Remove(path.Last);
                return value;
            case JsonArray list:
                var i = Index(list, path, op, allowEnd: false);
                var item = list[i];
                list.RemoveAt(i);
                return item;
            default:
                throw NotApplicable(op, $"{Display(path.Parent())} is not an object or an array");
        }
    }

    private static JsonNode? Replace(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        const string op = "replace";
        if (path.IsRoot)
        {
            return value;
        }

        switch (Get(document, path.Parent(), op))
        {
            case JsonObject map when map.ContainsKey(path.Last):
                map[path.Last] = value;
                break;
            case JsonObject:
                throw NotApplicable(op, $"doc is missing key: {path}");
            case JsonArray list:
                list[Index(list, path, op, allowEnd: false)] = value;
                break;
            default:
                throw NotApplicable(op, $"{Display(path.Parent())} is not an object or an array");
        }

        return document;
    }

    private static JsonNode? Get(JsonNode? document, JsonPointer path, string op)
    {
        var node = document;
        for (var depth = 0; depth < path.Tokens.Count; depth++)
        {
            var token = path.Tokens[depth];
            node = node switch
            {
                JsonObject map when map.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when token != "-" && ParseIndex(token) is { } i && i < list.Count => list[i],
                _ => throw NotApplicable(op, $"doc is missing path: {path}"),
            };
        }

        return node;
    }

    private static int Index(JsonArray list, JsonPointer path, string op, bool allowEnd)
    {
        var index = ParseIndex(path.Last)
            ?? throw NotApplicable(op, $"\"{path.Last}\" in {path} is not an array index");
        var limit = allowEnd ? list.Count : list.Count - 1;
        return index <= limit
            ? index
            : throw NotApplicable(op, $"index {index} in {path} is out of bounds for an array of length {list.Count}");
    }

    // RFC 6901 indexes are plain decimal numbers without leading zeros; "-" (past the end) is handled by callers.
    private static int? ParseIndex(string token) =>
        token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0')
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static string ReadString(JsonObject operation, string member, int index) =>
        operation.TryGetPropertyValue(member, out var value) && value is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw new PatchException($"json patch: operation {index} needs a string \"{member}\"");

    private static JsonPointer ReadPointer(JsonObject operation, string member, int index)
    {
        try
        {
            return JsonPointer.Parse(ReadString(operation, member, index));
        }
        catch (FormatException e)
        {
            throw new PatchException($"json patch: operation {index}: {e.Message}", e);
        }
    }

    private static JsonNode? ReadValue(JsonObject operation, string op, int index) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value
            : throw new PatchException($"json patch: operation {index} ({op}) needs a \"value\"");

    private static string Display(JsonPointer path) => path.IsRoot ? "the document" : path.Text;

    private static PatchException NotApplicable(string op, string why) => new($"jsonpatch {op} operation does not apply: {why}");
}
