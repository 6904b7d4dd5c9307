using System.Text.Json.Nodes;

namespace PaaS.Core.Patching;

/// <summary>
/// RFC 7386 JSON Merge Patch: objects merge member by member, <c>null</c> deletes a member, and anything else
/// (arrays included) replaces the value outright.
/// </summary>
internal static class MergePatchApplier
{
    public static JsonObject Apply(JsonObject original, JsonObject patch) =>
        Merge(original.DeepClone(), patch);

    // target is owned by the caller's copy, so it may be changed in place.
    private static JsonObject Merge(JsonNode? target, JsonObject patch)
    {
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                _ = result.Remove(name);
            }
            else if (value is JsonObject child)
            {
                var current = result[name];
                var merged = Merge(current, child);
                if (!ReferenceEquals(merged, current))
                {
                    result[name] = merged;
                }
            }
            else
            {
                result[name] = value.DeepClone();
            }
        }

        return result;
    }
}
