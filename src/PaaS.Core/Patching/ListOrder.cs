using System.Text.Json.Nodes;

namespace PaaS.Core.Patching;

/// <summary>
/// The order of a merged list, as Kubernetes decides it (strategicpatch's normalizeElementOrder): the items the
/// patch names come in the patch's order (or its <c>$setElementOrder</c>), and the items only the server had keep
/// their relative order and are slotted back in before the first patch item that followed them on the server.
/// Items are compared by merge key, or by value for primitive lists.
/// </summary>
internal static class ListOrder
{
    public static List<JsonNode?> Normalize(
        List<JsonNode?> items, IReadOnlyList<JsonNode?> patchKeys, IReadOnlyList<JsonNode?> serverOrder, Func<JsonNode?, JsonNode?> keyOf)
    {
        var inPatch = items
            .Select(item => (Item: item, Rank: IndexOf(patchKeys, keyOf(item))))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .Select(x => x.Item)
            .ToList();
        var serverOnly = items
            .Where(item => IndexOf(patchKeys, keyOf(item)) < 0)
            .OrderBy(item => IndexOf(serverOrder, keyOf(item)) is var rank and >= 0 ? rank : int.MaxValue)
            .ToList();
        return Interleave(serverOnly, inPatch, serverOrder, keyOf);
    }

    /// <summary>
    /// True when the patch's items appear in the <c>$setElementOrder</c> list in the same relative order, which is
    /// what Kubernetes checks before it trusts the order list.
    /// </summary>
    public static bool Follows(IReadOnlyList<JsonNode?> patchKeys, IReadOnlyList<JsonNode?> orderKeys)
    {
        var p = 0;
        for (var o = 0; o < orderKeys.Count && p < patchKeys.Count; o++)
        {
            if (JsonNode.DeepEquals(patchKeys[p], orderKeys[o]))
            {
                p++;
            }
        }

        return p == patchKeys.Count;
    }

    // mergeSortedSlice: both inputs are sorted already; a server-only item goes first only when the server had it
    // before the next patch item, so neither input's relative order ever changes.
    private static List<JsonNode?> Interleave(
        List<JsonNode?> serverOnly, List<JsonNode?> inPatch, IReadOnlyList<JsonNode?> serverOrder, Func<JsonNode?, JsonNode?> keyOf)
    {
        var result = new List<JsonNode?>(serverOnly.Count + inPatch.Count);
        int i = 0, j = 0;
        while (i < serverOnly.Count || j < inPatch.Count)
        {
            if (j >= inPatch.Count)
            {
                result.Add(serverOnly[i++]);
            }
            else if (i >= serverOnly.Count)
            {
                result.Add(inPatch[j++]);
            }
            else
            {
                var left = IndexOf(serverOrder, keyOf(serverOnly[i]));
                var right = IndexOf(serverOrder, keyOf(inPatch[j]));
                result.Add(left >= 0 && right >= 0 && left < right ? serverOnly[i++] : inPatch[j++]);
            }
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<JsonNode?> keys, JsonNode? key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (JsonNode.DeepEquals(keys[i], key))
            {
                return i;
            }
        }

        return -1;
    }
}
