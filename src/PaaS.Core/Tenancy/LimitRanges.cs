using k8s.Models;

namespace PaaS.Core.Tenancy;

// Placeholder replaced by the core-tenancy branch.
public static class LimitRanges
{
    public static IReadOnlyList<string> Admit(V1Pod pod, IEnumerable<V1LimitRange> ranges) => throw new NotSupportedException();
}
