using k8s.Models;

namespace PaaS.Core.Tenancy;

/// <summary>
/// A pod's effective requests or limits as Kubernetes computes them (k8s.io/component-helpers resource.PodRequests):
/// the larger of the regular containers' sum and the most any init container step needs, where restartable init
/// containers (sidecars) keep running beside everything that starts after them.
/// </summary>
internal static class PodResources
{
    public static Dictionary<string, decimal> Requests(V1PodSpec? spec, bool withOverhead) =>
        Effective(spec, c => c.Resources?.Requests, withOverhead);

    public static Dictionary<string, decimal> Limits(V1PodSpec? spec, bool withOverhead) =>
        Effective(spec, c => c.Resources?.Limits, withOverhead);

    private static Dictionary<string, decimal> Effective(
        V1PodSpec? spec, Func<V1Container, IDictionary<string, ResourceQuantity>?> select, bool withOverhead)
    {
        var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (spec is null)
        {
            return total;
        }

        foreach (var container in spec.Containers ?? [])
        {
            Add(total, QuotaResources.Values(select(container)));
        }

        var sidecars = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var initPeak = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var container in spec.InitContainers ?? [])
        {
            var own = QuotaResources.Values(select(container));
            Dictionary<string, decimal> step;
            if (container.RestartPolicy == "Always")
            {
                // A sidecar runs for the pod's whole life: it adds to the regular containers and to every later init step.
                Add(total, own);
                Add(sidecars, own);
                step = new Dictionary<string, decimal>(sidecars, StringComparer.Ordinal);
            }
            else
            {
                step = new Dictionary<string, decimal>(own, StringComparer.Ordinal);
                Add(step, sidecars);
            }

            Max(initPeak, step);
        }

        Max(total, initPeak);
        if (withOverhead)
        {
            Add(total, QuotaResources.Values(spec.Overhead));
        }

        return total;
    }

    private static void Add(Dictionary<string, decimal> into, IReadOnlyDictionary<string, decimal> values)
    {
        foreach (var (name, value) in values)
        {
            into[name] = into.GetValueOrDefault(name) + value;
        }
    }

    private static void Max(Dictionary<string, decimal> into, IReadOnlyDictionary<string, decimal> values)
    {
        foreach (var (name, value) in values)
        {
            if (!into.TryGetValue(name, out var current) || value > current)
            {
                into[name] = value;
            }
        }
    }
}
