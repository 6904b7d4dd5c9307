using System.Text.Json.Nodes;
using static PaaS.Core.Patching.PatchDirectives;

namespace PaaS.Core.Patching;

/// <summary>
/// Kubernetes' strategic merge patch as the API server applies it (apimachinery's <c>strategicpatch</c> with
/// parallel deletion lists merged and unmatched nulls ignored), over JSON nodes and a <see cref="PatchSchema"/>.
/// Maps merge recursively and <c>null</c> deletes a key; lists merge or are replaced as the schema says.
/// Directive keys never reach the result: values that are new are merged into an empty value, which drops them.
/// </summary>
internal static partial class StrategicPatchApplier
{
    public static JsonObject Apply(JsonObject original, JsonObject patch, PatchSchema schema) =>
        MergeMap((JsonObject)original.DeepClone(), patch, schema, "") ?? [];

    // target belongs to the result and may be changed in place. Null means the map is deleted ("$patch: delete").
    private static JsonObject? MergeMap(JsonObject target, JsonObject patch, PatchSchema schema, string path)
    {
        switch (patch.TryGetPropertyValue(Patch, out var directive) ? DirectiveValue(directive, path) : Merge)
        {
            case Delete:
                return null;
            case Replace:
                target = [];
                break;
        }

        ApplyRetainKeys(target, patch, path);
        List<(string Field, JsonNode? Values)>? deletions = null;
        foreach (var (key, value) in patch)
        {
            if (!key.StartsWith('$'))
            {
                MergeField(target, key, value, schema[key], OrderFor(patch, key, path), path);
            }
            else if (key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                // With the list itself in the patch the order is applied while merging it; alone, it reorders what is
                // there. Lists that are replaced have no order to keep, and merging an empty patch would empty them.
                var field = key[SetElementOrderPrefix.Length..];
                if (!patch.ContainsKey(field) && target[field] is JsonArray && schema[field].MergesList)
                {
                    MergeField(target, field, new JsonArray(), schema[field], OrderFor(patch, field, path), path);
                }
            }
            else if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                (deletions ??= []).Add((key[DeleteFromPrimitiveListPrefix.Length..], value));
            }
            else if (key is not (Patch or RetainKeys))
            {
                throw Error(path, $"unknown directive \"{key}\"");
            }
        }

        // Deletions run after the list's own merge, so a value both merged and deleted ends up deleted.
        foreach (var (field, values) in deletions ?? [])
        {
            DeleteFromPrimitiveList(target, field, values, $"{path}/{field}");
        }

        return target;
    }

    private static void MergeField(JsonObject target, string key, JsonNode? value, PatchField field, JsonArray? order, string path)
    {
        if (value is null)
        {
            _ = target.Remove(key);
            return;
        }

        var current = target[key];
        var merged = value switch
        {
            JsonObject map => MergeMap(current as JsonObject ?? [], map, field.Schema, $"{path}/{key}"),
            JsonArray list => MergeList(current as JsonArray, list, field, order, $"{path}/{key}"),
            _ => value.DeepClone(),
        };

        if (merged is null)
        {
            _ = target.Remove(key);
        }
        else if (!ReferenceEquals(merged, current))
        {
            target[key] = merged;
        }
    }

    // "$retainKeys" clears the keys of a union that the patch does not keep (a volume switching from emptyDir to
    // hostPath). Like Kubernetes, it runs before the merge and rejects a patch that sets a key it does not retain.
    private static void ApplyRetainKeys(JsonObject target, JsonObject patch, string path)
    {
        if (!patch.TryGetPropertyValue(RetainKeys, out var retain))
        {
            return;
        }

        if (retain is not JsonArray list || list.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw Error(path, $"{RetainKeys} must be a list of field names, not {PatchJson.Text(retain)}", malformed: true);
        }

        var keep = list.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var stray = patch.FirstOrDefault(p => p.Value is not null && !p.Key.StartsWith('$') && !keep.Contains(p.Key)).Key;
        if (stray is not null)
        {
            throw Error(path, $"the patch sets \"{stray}\", which is not in {RetainKeys} {PatchJson.Text(retain)}", malformed: true);
        }

        foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            _ = target.Remove(key);
        }
    }

    private static void DeleteFromPrimitiveList(JsonObject target, string field, JsonNode? values, string path)
    {
        if (values is not JsonArray remove)
        {
            throw Error(path, $"{DeleteFromPrimitiveListPrefix}{field} must be a list, not {PatchJson.Text(values)}", malformed: true);
        }

        if (target[field] is JsonArray list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (remove.Any(r => JsonNode.DeepEquals(list[i], r)))
                {
                    list.RemoveAt(i);
                }
            }
        }
    }

    private static JsonArray? OrderFor(JsonObject patch, string field, string path) =>
        patch.TryGetPropertyValue(SetElementOrderPrefix + field, out var order)
            ? order as JsonArray ?? throw Error($"{path}/{field}", $"{SetElementOrderPrefix}{field} must be a list, not {PatchJson.Text(order)}", malformed: true)
            : null;

    private static string DirectiveValue(JsonNode? directive, string path) =>
        directive is JsonValue value && value.TryGetValue<string>(out var text) && text is Replace or Delete or Merge
            ? text
            : throw Error(path, $"unknown patch type: {PatchJson.Text(directive)}");

    // Kubernetes answers 400 for directives of the wrong shape (mergepatch.ErrBadPatchFormatFor...) and 422 otherwise.
    private static PatchException Error(string path, string message, bool malformed = false)
    {
        var text = $"strategic merge patch: {(path.Length == 0 ? "/" : path)}: {message}";
        return malformed ? PatchException.BadRequest(text) : new PatchException(text);
    }
}
