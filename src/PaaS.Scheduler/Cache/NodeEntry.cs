using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Cache;

/// <summary>
/// The cache's mutable record of one node: the node object (null while only its pods are known, e.g. pods seen
/// before their node or after it was deleted) and its pods. It rebuilds its immutable <see cref="NodeInfo"/>
/// only after a change, so a snapshot reuses every untouched node's view (copy-on-write per node).
/// </summary>
internal sealed class NodeEntry
{
    private NodeInfo? info;

    public V1Node? Node { get; private set; }

    /// <summary>Region and zone: the key by which snapshots interleave nodes.</summary>
    public string ZoneKey { get; private set; } = string.Empty;

    public Dictionary<string, PodInfo> Pods { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets the node; true when its zone changed, which reorders the snapshot.</summary>
    public bool SetNode(V1Node? node)
    {
        Node = node;
        info = null;
        var zoneKey = node is null ? string.Empty : ZoneKeyOf(node);
        var changed = zoneKey != ZoneKey;
        ZoneKey = zoneKey;
        return changed;
    }

    public void AddPod(string key, PodInfo pod)
    {
        Pods[key] = pod;
        info = null;
    }

    public void RemovePod(string key)
    {
        if (Pods.Remove(key))
        {
            info = null;
        }
    }

    /// <summary>The current immutable view; only valid while <see cref="Node"/> is set.</summary>
    public NodeInfo Info() => info ??= new NodeInfo(Node!, Pods.Values);

    // Like kube-scheduler's utilnode.GetZoneKey: a zone name is only unique within its region.
    private static string ZoneKeyOf(V1Node node)
    {
        var labels = node.Metadata?.Labels;
        if (labels is null)
        {
            return string.Empty;
        }

        var region = labels.TryGetValue("topology.kubernetes.io/region", out var r) ? r : string.Empty;
        var zone = labels.TryGetValue("topology.kubernetes.io/zone", out var z) ? z : string.Empty;
        return region.Length == 0 && zone.Length == 0 ? string.Empty : region + ":\0:" + zone;
    }
}
