using k8s.Models;

namespace PaaS.Core.Tenancy;

// Placeholder replaced by the core-tenancy branch.
public static class QuotaHard
{
    public static IReadOnlyDictionary<string, decimal> Parse(IDictionary<string, ResourceQuantity>? hard) => throw new NotSupportedException();

    public static string Format(string resource, decimal value) => throw new NotSupportedException();

    public static string Exceeded(string quotaName, IReadOnlyDictionary<string, decimal> requested, IReadOnlyDictionary<string, decimal> used, IReadOnlyDictionary<string, decimal> limited) => throw new NotSupportedException();

    public static IDictionary<string, ResourceQuantity> ToQuantities(IReadOnlyDictionary<string, decimal> values) => throw new NotSupportedException();
}
