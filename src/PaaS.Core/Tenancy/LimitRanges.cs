using System.Globalization;
using k8s.Models;
using PaaS.Core.Defaults;
using PaaS.Core.Quantities;

namespace PaaS.Core.Tenancy;

/// <summary>The LimitRanger admission plugin (plugin/pkg/admission/limitranger) for pods, as a pure function.</summary>
public static class LimitRanges
{
    private const string ContainerType = LimitRangeDefaults.Container;
    private const string PodType = "Pod";

    /// <summary>
    /// LimitRanger admission for a pod: first fills missing container requests/limits from the ranges' type-Container
    /// defaultRequest/default (a container with a limit but no request gets request = limit, as pod defaulting does
    /// before admission), then checks min, max and maxLimitRequestRatio for type Container (each container and init
    /// container) and type Pod (the pod's effective requests and limits, without overhead).
    /// Mutates the pod; returns Kubernetes' violation messages in range, item and resource order, e.g.
    /// "minimum cpu usage per Container is 100m, but request is 50m", "maximum memory usage per Container is 1Gi, but
    /// limit is 2Gi", "cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000".
    /// </summary>
    public static IReadOnlyList<string> Admit(V1Pod pod, IEnumerable<V1LimitRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(ranges);
        var items = ranges.SelectMany(r => r.Spec?.Limits ?? []).Where(i => i is not null).ToList();
        var containers = (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? []).ToList();
        foreach (var container in containers)
        {
            container.Resources ??= new V1ResourceRequirements();
            container.Resources.Requests ??= new Dictionary<string, ResourceQuantity>();
            container.Resources.Limits ??= new Dictionary<string, ResourceQuantity>();
            FillMissing(container.Resources.Requests, container.Resources.Limits);
        }

        foreach (var item in items.Where(i => i.Type == ContainerType))
        {
            // Defaulted on a copy: the stored range is the caller's, and older ones may predate LimitRange defaulting.
            var defaulted = new V1LimitRangeItem
            {
                Type = ContainerType,
                DefaultProperty = item.DefaultProperty is null ? null : new Dictionary<string, ResourceQuantity>(item.DefaultProperty),
                DefaultRequest = item.DefaultRequest is null ? null : new Dictionary<string, ResourceQuantity>(item.DefaultRequest),
                Max = item.Max,
                Min = item.Min,
            };
            LimitRangeDefaults.Apply(defaulted);
            foreach (var container in containers)
            {
                FillMissing(container.Resources.Limits, defaulted.DefaultProperty);
                FillMissing(container.Resources.Requests, defaulted.DefaultRequest);
            }
        }

        foreach (var container in containers)
        {
            // Go omits empty maps; an untouched container should read back as it was written.
            if (container.Resources.Requests is { Count: 0 })
            {
                container.Resources.Requests = null;
            }

            if (container.Resources.Limits is { Count: 0 })
            {
                container.Resources.Limits = null;
            }
        }

        var errors = new List<string>();
        foreach (var item in items)
        {
            if (item.Type == ContainerType)
            {
                foreach (var container in containers)
                {
                    Check(item, ContainerType, Observed(container.Resources.Requests), Observed(container.Resources.Limits), errors);
                }
            }
            else if (item.Type == PodType)
            {
                var requests = PodResources.Requests(pod.Spec, withOverhead: false);
                var limits = PodResources.Limits(pod.Spec, withOverhead: false);
                Check(item, PodType, Observed(requests), Observed(limits), errors);
            }
        }

        return errors;
    }

    private static void Check(V1LimitRangeItem item, string type, IReadOnlyDictionary<string, (decimal Value, string Text)> requests,
        IReadOnlyDictionary<string, (decimal Value, string Text)> limits, List<string> errors)
    {
        foreach (var (resource, enforced) in Sorted(item.Min))
        {
            if (MinConstraint(type, resource, enforced, requests, limits) is { } error)
            {
                errors.Add(error);
            }
        }

        foreach (var (resource, enforced) in Sorted(item.Max))
        {
            if (MaxConstraint(type, resource, enforced, requests, limits) is { } error)
            {
                errors.Add(error);
            }
        }

        foreach (var (resource, enforced) in Sorted(item.MaxLimitRequestRatio))
        {
            if (RatioConstraint(type, resource, enforced, requests, limits) is { } error)
            {
                errors.Add(error);
            }
        }
    }

    private static string? MinConstraint(string type, string resource, ResourceQuantity enforced,
        IReadOnlyDictionary<string, (decimal Value, string Text)> requests, IReadOnlyDictionary<string, (decimal Value, string Text)> limits)
    {
        var min = QuotaResources.ValueOf(enforced);
        if (!requests.TryGetValue(resource, out var request))
        {
            return $"minimum {resource} usage per {type} is {enforced}.  No request is specified";
        }

        if (request.Value < min)
        {
            return $"minimum {resource} usage per {type} is {enforced}, but request is {request.Text}";
        }

        return limits.TryGetValue(resource, out var limit) && limit.Value < min
            ? $"minimum {resource} usage per {type} is {enforced}, but limit is {limit.Text}"
            : null;
    }

    private static string? MaxConstraint(string type, string resource, ResourceQuantity enforced,
        IReadOnlyDictionary<string, (decimal Value, string Text)> requests, IReadOnlyDictionary<string, (decimal Value, string Text)> limits)
    {
        var max = QuotaResources.ValueOf(enforced);
        if (!limits.TryGetValue(resource, out var limit))
        {
            return $"maximum {resource} usage per {type} is {enforced}.  No limit is specified";
        }

        if (limit.Value > max)
        {
            return $"maximum {resource} usage per {type} is {enforced}, but limit is {limit.Text}";
        }

        return requests.TryGetValue(resource, out var request) && request.Value > max
            ? $"maximum {resource} usage per {type} is {enforced}, but request is {request.Text}"
            : null;
    }

    /// <summary>
    /// limitRequestRatioConstraint: compared in thousandths as Kubernetes does (MilliValue rounds up), and the observed
    /// ratio printed with Go's %f.
    /// </summary>
    private static string? RatioConstraint(string type, string resource, ResourceQuantity enforced,
        IReadOnlyDictionary<string, (decimal Value, string Text)> requests, IReadOnlyDictionary<string, (decimal Value, string Text)> limits)
    {
        var requestMilli = requests.TryGetValue(resource, out var request) ? new Quantity(request.Value).ToMilli() : 0;
        var limitMilli = limits.TryGetValue(resource, out var limit) ? new Quantity(limit.Value).ToMilli() : 0;
        if (requestMilli == 0)
        {
            return $"{resource} max limit to request ratio per {type} is {enforced}, but no request is specified or request is 0";
        }

        if (limitMilli == 0)
        {
            return $"{resource} max limit to request ratio per {type} is {enforced}, but no limit is specified or limit is 0";
        }

        var observed = (double)limitMilli / requestMilli;
        var maxMilli = new Quantity(QuotaResources.ValueOf(enforced)).ToMilli();
        return observed * 1000 > maxMilli
            ? string.Create(CultureInfo.InvariantCulture, $"{resource} max limit to request ratio per {type} is {enforced}, but provided ratio is {observed:F6}")
            : null;
    }

    private static IEnumerable<(string Resource, ResourceQuantity Quantity)> Sorted(IDictionary<string, ResourceQuantity>? list) =>
        (list ?? new Dictionary<string, ResourceQuantity>())
            .Where(e => e.Value is not null)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, e.Value));

    private static Dictionary<string, (decimal Value, string Text)> Observed(IDictionary<string, ResourceQuantity>? list) =>
        (list ?? new Dictionary<string, ResourceQuantity>()).Where(e => e.Value is not null).ToDictionary(e => e.Key, e => (QuotaResources.ValueOf(e.Value), e.Value.ToString()), StringComparer.Ordinal);

    private static Dictionary<string, (decimal Value, string Text)> Observed(IReadOnlyDictionary<string, decimal> sums) =>
        sums.ToDictionary(e => e.Key, e => (e.Value, QuotaHard.Format(e.Key, e.Value)), StringComparer.Ordinal);

    private static void FillMissing(IDictionary<string, ResourceQuantity> into, IDictionary<string, ResourceQuantity>? from)
    {
        foreach (var (name, value) in from ?? new Dictionary<string, ResourceQuantity>())
        {
            if (value is not null && !into.ContainsKey(name))
            {
                into[name] = new ResourceQuantity(value.ToString());
            }
        }
    }
}
