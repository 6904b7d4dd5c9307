namespace PaaS.Scheduler.Cache;

/// <summary>
/// The order nodes appear in a snapshot: one node from each zone in turn (zones and nodes sorted by name), as
/// kube-scheduler's node tree lists them, so that a cycle that stops after a sample has seen every zone.
/// </summary>
internal static class NodeOrder
{
    public static NodeEntry[] Interleave(IEnumerable<(string Name, NodeEntry Entry)> nodes)
    {
        var zones = nodes
            .GroupBy(n => n.Entry.ZoneKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Entry).ToArray())
            .ToArray();
        var result = new List<NodeEntry>(zones.Sum(z => z.Length));
        for (var round = 0; result.Count < result.Capacity; round++)
        {
            foreach (var zone in zones)
            {
                if (round < zone.Length)
                {
                    result.Add(zone[round]);
                }
            }
        }

        return [.. result];
    }
}
