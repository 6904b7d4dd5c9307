using PaaS.Core.Labels;

namespace PaaS.Controllers.Endpoints;

/// <summary>
/// The Services with a selector, per namespace, as the last reconcile or relist saw them, with the pods each selected
/// then. A pod change is routed from here to the Services that select it now (its labels ride on the change) or did
/// before (a pod relabelled or deleted must leave the Endpoints it was in), without reading anything from the API.
/// </summary>
internal sealed class ServiceIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, Entry>> _byNamespace = new(StringComparer.Ordinal);

    /// <summary>Records a Service's selector and the pods it selected (null pods: keep those already known).</summary>
    public void Set(string ns, string name, LabelSelector selector, IEnumerable<string>? pods = null)
    {
        lock (_lock)
        {
            if (!_byNamespace.TryGetValue(ns, out var services))
            {
                _byNamespace[ns] = services = new(StringComparer.Ordinal);
            }

            var known = services.TryGetValue(name, out var entry) ? entry.Pods : [];
            services[name] = new Entry(selector, pods is null ? known : pods.ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>The Service is gone, or has no selector any more.</summary>
    public void Remove(string ns, string name)
    {
        lock (_lock)
        {
            if (_byNamespace.TryGetValue(ns, out var services) && services.Remove(name) && services.Count == 0)
            {
                _byNamespace.Remove(ns);
            }
        }
    }

    /// <summary>
    /// The Services a pod's change concerns: those whose selector matches its labels, and those it was in. Without
    /// labels (a change announced without them) every Service of the namespace, which is still correct, only slower.
    /// </summary>
    public List<string> ServicesFor(string ns, string pod, IReadOnlyDictionary<string, string>? labels)
    {
        lock (_lock)
        {
            if (!_byNamespace.TryGetValue(ns, out var services))
            {
                return [];
            }

            var podLabels = labels?.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            return services
                .Where(s => podLabels is null || s.Value.Pods.Contains(pod) || s.Value.Selector.Matches(podLabels))
                .Select(s => s.Key)
                .ToList();
        }
    }

    private sealed record Entry(LabelSelector Selector, HashSet<string> Pods);
}
