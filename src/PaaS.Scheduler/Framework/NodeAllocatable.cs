using k8s.Models;
using PaaS.Core.Quantities;

namespace PaaS.Scheduler.Framework;

/// <summary>Reads a node's allocatable CPU, memory and pod count.</summary>
internal static class NodeAllocatable
{
    /// <summary>
    /// status.allocatable, or status.capacity when allocatable is absent (the API server defaults one to the other).
    /// A malformed quantity counts as 0, so that node simply fits nothing of that resource.
    /// </summary>
    public static ResourceAmounts Of(V1Node node)
    {
        var list = node.Status?.Allocatable ?? node.Status?.Capacity;
        return new ResourceAmounts(Read(list, "cpu", milli: true), Read(list, "memory", milli: false), Read(list, "pods", milli: false));
    }

    private static long Read(IDictionary<string, ResourceQuantity>? list, string name, bool milli)
    {
        if (list is null || !list.TryGetValue(name, out var quantity) || quantity is null
            || !Quantity.TryParse(quantity.ToString(), out var parsed, out _))
        {
            return 0;
        }

        return milli ? parsed.ToMilli() : parsed.ToLongCeiling();
    }
}
