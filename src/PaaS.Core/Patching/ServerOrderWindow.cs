using System.Text.Json.Nodes;

namespace PaaS.Core.Patching;

/// <summary>
/// The server's list, by merge key, as Kubernetes sees it when it applies a <c>$setElementOrder</c> after merging.
/// Go deletes list items in place and appends new ones into the room that frees, in a backing array it shares
/// with the list that order is taken from: the deleted items' slots close up and the first new items take the
/// tail. Emulating that puts server-only items where the API server puts them; for example an env var that
/// <c>kubectl set env</c> added stays ahead of the one a later <c>kubectl apply</c> adds in place of another.
/// </summary>
internal sealed class ServerOrderWindow
{
    private readonly JsonNode?[] _window;
    private readonly List<JsonNode?> _live;
    private bool _shared = true;

    public ServerOrderWindow(IReadOnlyList<JsonNode?> keys)
    {
        _window = [.. keys];
        _live = [.. keys];
    }

    public IReadOnlyList<JsonNode?> Keys => _window;

    /// <summary>Removes every item with this key, as <c>$patch: delete</c> does.</summary>
    public void Delete(JsonNode? key)
    {
        for (var i = IndexOf(key); i >= 0; i = IndexOf(key))
        {
            _live.RemoveAt(i);
            if (_shared)
            {
                // Only the live part shifts; the last slot keeps what it held, as Go's append(s[:i], s[i+1:]...) leaves it.
                _live.CopyTo(i, _window, i, _live.Count - i);
            }
        }
    }

    /// <summary>Adds a new item at the end, as merging an item the server did not have does.</summary>
    public void Append(JsonNode? key)
    {
        // The server's slice is exactly as long as the list, so a full one is reallocated and no longer shared.
        _shared &= _live.Count < _window.Length;
        if (_shared)
        {
            _window[_live.Count] = key;
        }

        _live.Add(key);
    }

    private int IndexOf(JsonNode? key) => _live.FindIndex(k => JsonNode.DeepEquals(k, key));
}
