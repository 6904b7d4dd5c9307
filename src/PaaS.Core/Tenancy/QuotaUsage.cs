using k8s;
using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Core.Tenancy;

// Placeholder replaced by the core-tenancy branch.
public static class QuotaUsage
{
    public static IReadOnlyDictionary<string, decimal> Of(ResourceType type, IKubernetesObject<V1ObjectMeta> obj) => throw new NotSupportedException();

    public static string? MissingRequired(V1Pod pod, IReadOnlyCollection<string> constrainedResources) => throw new NotSupportedException();
}
