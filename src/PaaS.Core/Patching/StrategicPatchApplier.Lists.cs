using System.Text.Json.Nodes;
using static PaaS.Core.Patching.PatchDirectives;

namespace PaaS.Core.Patching;

internal static partial class StrategicPatchApplier
{
    private static JsonArray MergeList(JsonArray? current, JsonArray patch, PatchField field, JsonArray? order, string path)
    {
        if (!field.MergesList)
        {
            return ReplaceList(patch, field, path);
        }

        // The merged list is rebuilt from the current items, which must leave their old parent first.
        var original = current?.ToList() ?? [];
        current?.Clear();
        var merged = field.MergeKey is null
            ? MergePrimitives(original, patch, order, path)
            : MergeMaps(original, patch, field, order, path);
        return new JsonArray([.. merged]);
    }

    private static JsonArray ReplaceList(JsonArray patch, PatchField field, string path)
    {
        var items = new JsonArray();
        for (var i = 0; i < patch.Count; i++)
        {
            if (patch[i] is JsonObject map)
            {
                // "$patch: replace" only restates what happens to a list without a merge key anyway.
                if (map.Count == 1 && map.TryGetPropertyValue(Patch, out var directive) && DirectiveValue(directive, path) == Replace)
                {
                    continue;
                }

                items.Add(MergeMap([], map, field.Schema, $"{path}/{i}")
                    ?? throw Error(path, "the list has no merge key, so \"$patch: delete\" cannot name an item of it"));
            }
            else
            {
                items.Add(patch[i]?.DeepClone());
            }
        }

        return items;
    }

    // A patchStrategy:"merge" list of primitives (finalizers, podCIDRs) is a set: the union, without duplicates.
    private static List<JsonNode?> MergePrimitives(List<JsonNode?> original, JsonArray patch, JsonArray? order, string path)
    {
        if (original.Concat(patch).Any(i => i is JsonObject or JsonArray))
        {
            throw Error(path, "the list merges without a merge key, so its items must be primitives");
        }

        var merged = new List<JsonNode?>();
        foreach (var item in original.Concat(patch.Select(i => i?.DeepClone())))
        {
            if (!merged.Any(m => JsonNode.DeepEquals(m, item)))
            {
                merged.Add(item);
            }
        }

        var patchKeys = patch.ToList();
        merged = ListOrder.Normalize(merged, patchKeys, original, i => i);
        if (order is not null)
        {
            CheckOrder(patchKeys, [.. order], path);
            merged = ListOrder.Normalize(merged, [.. order], original, i => i);
        }

        return merged;
    }

    private static List<JsonNode?> MergeMaps(List<JsonNode?> original, JsonArray patch, PatchField field, JsonArray? order, string path)
    {
        var key = field.MergeKey!;
        if (original.FindIndex(i => i is not JsonObject) is var bad and >= 0)
        {
            throw Error($"{path}/{bad}", $"the list merges by \"{key}\", but its item is not an object: {PatchJson.Text(original[bad])}");
        }

        var serverOrder = original.Select(i => i![key]).ToList();
        var window = new ServerOrderWindow(serverOrder);
        var items = original.ToList();
        var regular = new List<(JsonObject Item, string Path)>();
        var replace = false;
        for (var i = 0; i < patch.Count; i++)
        {
            var itemPath = $"{path}/{i}";
            var item = patch[i] as JsonObject
                ?? throw Error(itemPath, $"the list merges by \"{key}\", so its items must be objects, not {PatchJson.Text(patch[i])}");
            switch (item.TryGetPropertyValue(Patch, out var directive) ? DirectiveValue(directive, itemPath) : null)
            {
                case Delete:
                    var doomed = RequireKey(item, key, itemPath);
                    _ = items.RemoveAll(x => JsonNode.DeepEquals(x![key], doomed));
                    window.Delete(doomed);
                    break;
                case Replace:
                    // Like Kubernetes: one "$patch: replace" item makes the other items the whole list.
                    replace = true;
                    break;
                case Merge when item.Count == 1:
                    // A bare "$patch: merge" marker asks for what happens anyway.
                    break;
                default:
                    regular.Add((item, itemPath));
                    break;
            }
        }

        if (replace)
        {
            items = [];
        }

        foreach (var (item, itemPath) in regular)
        {
            var value = RequireKey(item, key, itemPath);
            var index = items.FindIndex(x => JsonNode.DeepEquals(x![key], value));
            var merged = MergeMap(index >= 0 ? (JsonObject)items[index]! : [], item, field.Schema, itemPath)!;
            if (index >= 0)
            {
                items[index] = merged;
            }
            else
            {
                items.Add(merged);
                if (!replace)
                {
                    window.Append(value);
                }
            }
        }

        JsonNode? KeyOf(JsonNode? item) => item![key];
        var patchKeys = regular.Select(r => r.Item[key]).ToList();
        items = ListOrder.Normalize(items, patchKeys, serverOrder, KeyOf);
        if (order is not null)
        {
            var orderKeys = order.Select((o, i) => o is JsonObject map ? RequireKey(map, key, $"{path}/{SetElementOrderPrefix}{i}") : o).ToList();
            CheckOrder(patchKeys, orderKeys, path);
            items = ListOrder.Normalize(items, orderKeys, window.Keys, KeyOf);
        }

        return items;
    }

    private static void CheckOrder(List<JsonNode?> patchKeys, List<JsonNode?> orderKeys, string path)
    {
        if (!ListOrder.Follows(patchKeys, orderKeys))
        {
            throw Error(path, $"the order in the patch list {PatchJson.Text(new JsonArray([.. patchKeys.Select(k => k?.DeepClone())]))} "
                + $"doesn't match its $setElementOrder list {PatchJson.Text(new JsonArray([.. orderKeys.Select(k => k?.DeepClone())]))}",
                malformed: true);
        }
    }

    private static JsonNode RequireKey(JsonObject item, string key, string path) =>
        item[key] ?? throw Error(path, $"map: {PatchJson.Text(item)} does not contain declared merge key: {key}");
}
