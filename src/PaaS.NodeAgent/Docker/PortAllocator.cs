namespace PaaS.NodeAgent.Docker;

/// <summary>
/// Hands out host ports from the node's range (<see cref="NodeAgentOptions.PortRange"/>) for publishing pods'
/// container ports on the node's address. What is taken is learnt from the node's sandboxes on adoption; a port
/// something else on the machine holds is found when the engine refuses it, and is then skipped.
/// </summary>
internal sealed class PortAllocator(int first, int last)
{
    private readonly int _first = first;
    private readonly HashSet<int> _taken = [];
    private readonly Lock _lock = new();
    private int _next = first;

    public int Take()
    {
        lock (_lock)
        {
            for (var tried = 0; tried <= last - _first; tried++)
            {
                var port = _next;
                _next = _next >= last ? _first : _next + 1;
                if (_taken.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException($"no free port left in the node's range {_first}-{last}");
        }
    }

    /// <summary>Marks ports as taken (those of adopted pods, or one the engine refused).</summary>
    public void MarkTaken(IEnumerable<int> ports)
    {
        lock (_lock)
        {
            _taken.UnionWith(ports);
        }
    }

    public void Release(IEnumerable<int> ports)
    {
        lock (_lock)
        {
            _taken.ExceptWith(ports);
        }
    }

    /// <summary>Parses <c>first-last</c>.</summary>
    public static PortAllocator Parse(string range)
    {
        var parts = range.Split('-', 2);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var first) || !int.TryParse(parts[1], out var last) || first < 1 || last > 65535 || first > last)
        {
            throw new ArgumentException($"Agent:PortRange must be first-last within 1-65535, got \"{range}\"", nameof(range));
        }

        return new PortAllocator(first, last);
    }
}
