using System.Globalization;
using k8s.Models;
using PaaS.Core.Quantities;

namespace PaaS.Core.Tenancy;

/// <summary>A quota's hard limits as exact decimals, and the texts Kubernetes writes about them.</summary>
public static class QuotaHard
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>
    /// spec.hard → exact decimals with keys normalised ("cpu" → "requests.cpu", "memory" → "requests.memory").
    /// When a quota names both forms, the smaller limit is kept: both constrain the same use.
    /// </summary>
    /// <exception cref="FormatException">A quantity is not a Kubernetes quantity (validation refuses such quotas).</exception>
    public static IReadOnlyDictionary<string, decimal> Parse(IDictionary<string, ResourceQuantity>? hard)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in QuotaResources.Values(hard))
        {
            var key = QuotaResources.Normalize(name);
            result[key] = result.TryGetValue(key, out var existing) ? Math.Min(existing, value) : value;
        }

        return result;
    }

    /// <summary>
    /// A value back in Kubernetes' canonical quantity form: cpu and counts in DecimalSI ("500m", "2", "10"; a
    /// thousand is "1k" as Kubernetes writes it), memory and storage in BinarySI ("128Mi", "1Gi"; whole byte counts
    /// that no power of 1024 divides stay bytes, and values below 1024 or with fractions fall back to DecimalSI, as
    /// Kubernetes canonicalizes them).
    /// </summary>
    public static string Format(string resource, decimal value)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!QuotaResources.IsBytes(resource) || decimal.Abs(value) < 1024 || value != decimal.Truncate(value))
        {
            return QuantityFormatter.Format(value);
        }

        var exponent = 0;
        var mantissa = value;
        while (exponent < BinarySuffixes.Length - 1 && mantissa % 1024 == 0)
        {
            mantissa /= 1024;
            exponent++;
        }

        return mantissa.ToString("0", CultureInfo.InvariantCulture) + BinarySuffixes[exponent];
    }

    /// <summary>
    /// The resources a request would take over their limit: keys of <paramref name="requested"/> with a non-zero amount
    /// that <paramref name="limited"/> constrains and where used + requested exceeds the limit. Sorted ordinally.
    /// </summary>
    public static IReadOnlyList<string> ExceededResources(
        IReadOnlyDictionary<string, decimal> requested,
        IReadOnlyDictionary<string, decimal> used,
        IReadOnlyDictionary<string, decimal> limited)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(limited);
        return requested
            .Where(r => r.Value != 0
                && limited.TryGetValue(r.Key, out var limit)
                && used.GetValueOrDefault(r.Key) + r.Value > limit)
            .Select(r => r.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Kubernetes' denial text (plugin/resourcequota/controller.go): "exceeded quota: compute, requested: pods=1,
    /// used: pods=10, limited: pods=10", naming only the exceeded resources (<see cref="ExceededResources"/>), sorted.
    /// A resource with no recorded use reads as used 0, as it does in a quota's status.
    /// </summary>
    /// <exception cref="ArgumentException">Nothing is exceeded: there is no denial to describe.</exception>
    public static string Exceeded(
        string quotaName,
        IReadOnlyDictionary<string, decimal> requested,
        IReadOnlyDictionary<string, decimal> used,
        IReadOnlyDictionary<string, decimal> limited)
    {
        ArgumentNullException.ThrowIfNull(quotaName);
        var exceeded = ExceededResources(requested, used, limited);
        if (exceeded.Count == 0)
        {
            throw new ArgumentException("no resource exceeds its limit", nameof(requested));
        }

        return $"exceeded quota: {quotaName}, requested: {Pretty(exceeded, requested)}, used: {Pretty(exceeded, used)}, limited: {Pretty(exceeded, limited)}";
    }

    /// <summary>Map of decimals → map of canonical quantity strings (for status.used / status.hard).</summary>
    public static IDictionary<string, ResourceQuantity> ToQuantities(IReadOnlyDictionary<string, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.ToDictionary(v => v.Key, v => new ResourceQuantity(Format(v.Key, v.Value)), StringComparer.Ordinal);
    }

    private static string Pretty(IEnumerable<string> keys, IReadOnlyDictionary<string, decimal> values) =>
        string.Join(",", keys.Select(k => $"{k}={Format(k, values.GetValueOrDefault(k))}"));
}
