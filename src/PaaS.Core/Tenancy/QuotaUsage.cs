using k8s;
using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Core.Tenancy;

/// <summary>What objects use of a quota: Kubernetes' quota evaluators (pkg/quota/v1/evaluator/core) as pure functions.</summary>
public static class QuotaUsage
{
    private static readonly string[] TerminalPhases = ["Succeeded", "Failed"];

    /// <summary>
    /// What an object uses when stored, in the quota's units: CPU in cores, memory in bytes, counts as whole numbers,
    /// all exact decimals. Keys: <c>pods</c> (pods not in phase Succeeded/Failed), <c>requests.cpu</c>,
    /// <c>requests.memory</c>, <c>limits.cpu</c>, <c>limits.memory</c> (pods not in a terminal phase; per pod
    /// max(sum over containers, max over init containers) + overhead), <c>services</c>, <c>secrets</c>,
    /// <c>configmaps</c>, <c>resourcequotas</c>, and <c>count/&lt;groupResource&gt;</c> for every kind (a finished pod
    /// still counts in <c>count/pods</c>, as in Kubernetes). Zero entries are omitted.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Of(ResourceType type, IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [QuotaResources.CountPrefix + type.GroupResource] = 1,
        };

        if (type == ResourceTypes.Service)
        {
            usage[QuotaResources.Services] = 1;
        }
        else if (type == ResourceTypes.Secret)
        {
            usage[QuotaResources.Secrets] = 1;
        }
        else if (type == ResourceTypes.ConfigMap)
        {
            usage[QuotaResources.ConfigMaps] = 1;
        }
        else if (type == ResourceTypes.ResourceQuota)
        {
            usage[QuotaResources.ResourceQuotas] = 1;
        }
        else if (obj is V1Pod pod && !IsTerminal(pod))
        {
            usage[QuotaResources.Pods] = 1;
            var requests = PodResources.Requests(pod.Spec, withOverhead: true);
            var limits = PodResources.Limits(pod.Spec, withOverhead: true);
            AddIfNonZero(usage, QuotaResources.RequestsCpu, requests.GetValueOrDefault(QuotaResources.Cpu));
            AddIfNonZero(usage, QuotaResources.RequestsMemory, requests.GetValueOrDefault(QuotaResources.Memory));
            AddIfNonZero(usage, QuotaResources.LimitsCpu, limits.GetValueOrDefault(QuotaResources.Cpu));
            AddIfNonZero(usage, QuotaResources.LimitsMemory, limits.GetValueOrDefault(QuotaResources.Memory));
        }

        return usage;
    }

    /// <summary>
    /// Kubernetes' "must specify" rule: for each compute resource a quota constrains (keys of its hard set, after
    /// normalisation: <c>cpu</c> counts as <c>requests.cpu</c>), every container and init container of the pod must
    /// set it. Returns null, or the text after "failed quota: &lt;name&gt;: ", e.g.
    /// "must specify limits.cpu for: app,sidecar; requests.memory for: app" (resources and container names sorted).
    /// </summary>
    public static string? MissingRequired(V1Pod pod, IReadOnlyCollection<string> constrainedResources)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(constrainedResources);
        var required = constrainedResources.Select(QuotaResources.Normalize).Where(QuotaResources.Compute.Contains).ToHashSet(StringComparer.Ordinal);
        if (required.Count == 0)
        {
            return null;
        }

        var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var container in (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? []))
        {
            foreach (var resource in required)
            {
                var (list, name) = resource.Split('.', 2) switch
                {
                    ["requests", var n] => (container.Resources?.Requests, n),
                    [_, var n] => (container.Resources?.Limits, n),
                    _ => (null, resource),
                };
                if (list is null || !list.ContainsKey(name))
                {
                    if (!missing.TryGetValue(resource, out var names))
                    {
                        missing[resource] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(container.Name ?? "");
                }
            }
        }

        return missing.Count == 0
            ? null
            : "must specify " + string.Join("; ", missing.Select(m => $"{m.Key} for: {string.Join(",", m.Value)}"));
    }

    private static bool IsTerminal(V1Pod pod) => TerminalPhases.Contains(pod.Status?.Phase);

    private static void AddIfNonZero(Dictionary<string, decimal> usage, string key, decimal value)
    {
        if (value != 0)
        {
            usage[key] = value;
        }
    }
}
