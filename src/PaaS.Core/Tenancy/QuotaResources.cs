using k8s.Models;
using PaaS.Core.Quantities;

namespace PaaS.Core.Tenancy;

/// <summary>Quota resource names (k8s.io/api/core/v1 ResourceName constants) and what kind of number each one counts.</summary>
internal static class QuotaResources
{
    public const string Pods = "pods";
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string RequestsCpu = "requests.cpu";
    public const string RequestsMemory = "requests.memory";
    public const string LimitsCpu = "limits.cpu";
    public const string LimitsMemory = "limits.memory";
    public const string Services = "services";
    public const string Secrets = "secrets";
    public const string ConfigMaps = "configmaps";
    public const string ResourceQuotas = "resourcequotas";
    public const string CountPrefix = "count/";

    /// <summary>The compute resources whose quota obliges every container to state them (the pod evaluator's validationSet).</summary>
    public static readonly IReadOnlySet<string> Compute = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestsCpu, RequestsMemory, LimitsCpu, LimitsMemory,
    };

    /// <summary>The bare names Kubernetes treats as requests (<c>cpu</c> is <c>requests.cpu</c>).</summary>
    public static string Normalize(string resource) => resource switch
    {
        Cpu => RequestsCpu,
        Memory => RequestsMemory,
        _ => resource,
    };

    /// <summary>Object counts, which must be whole numbers: everything that is not cpu, memory or storage.</summary>
    public static bool IsCount(string resource) => !IsCpu(resource) && !IsBytes(resource);

    public static bool IsCpu(string resource) => resource is Cpu || resource.EndsWith(".cpu", StringComparison.Ordinal);

    public static bool IsBytes(string resource) =>
        resource is Memory or "ephemeral-storage" or "storage"
        || resource.EndsWith(".memory", StringComparison.Ordinal)
        || resource.EndsWith(".storage", StringComparison.Ordinal)
        || resource.EndsWith(".ephemeral-storage", StringComparison.Ordinal);

    /// <exception cref="FormatException">The stored quantity is not a Kubernetes quantity.</exception>
    public static decimal ValueOf(ResourceQuantity quantity) => Quantity.Parse(quantity.ToString()).Value;

    /// <summary>A resource list as exact decimals; missing quantities are skipped.</summary>
    public static Dictionary<string, decimal> Values(IDictionary<string, ResourceQuantity>? list)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
        {
            if (quantity is not null)
            {
                result[name] = ValueOf(quantity);
            }
        }

        return result;
    }
}
