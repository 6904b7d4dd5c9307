using k8s.Models;
using PaaS.ApiServer.Api;
using PaaS.Core.Tenancy;
using PaaS.Core.Validation;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// Admission of a new pod: first pod security (<see cref="PodSecurity"/>, the same in every namespace), then
/// its namespace's policies, as Kubernetes' LimitRanger and
/// ResourceQuota plug-ins do: LimitRange defaults fill missing requests and limits, then min, max and
/// ratio are checked; every quota that constrains a compute resource needs every container to set it.
/// (Whether the pod fits the quotas is decided by the quota ledger in the write itself.)
/// </summary>
internal sealed class PodAdmission(NamespacePolicies policies)
{
    /// <summary>Returns whether LimitRange defaults changed the pod (it must then be validated again).</summary>
    public async Task<bool> AdmitAsync(V1Pod pod, string ns, CancellationToken ct)
    {
        var name = pod.Metadata.Name;
        if (PodSecurity.Violations(pod.Spec) is { Count: > 0 } unsafeFields)
        {
            throw ApiException.Forbidden($"pods \"{name}\" is forbidden: violates PodSecurity \"{PodSecurity.Level}\": {string.Join(", ", unsafeFields)}");
        }

        var policy = await policies.GetAsync(ns, ct);
        if (policy.LimitRanges.Count > 0)
        {
            var violations = LimitRanges.Admit(pod, policy.LimitRanges);
            if (violations.Count > 0)
            {
                throw ApiException.Forbidden($"pods \"{name}\" is forbidden: [{string.Join(", ", violations)}]");
            }
        }

        foreach (var (quota, resources) in policy.Constraints)
        {
            if (QuotaUsage.MissingRequired(pod, resources) is { } missing)
            {
                throw ApiException.Forbidden($"pods \"{name}\" is forbidden: failed quota: {quota}: {missing}");
            }
        }

        return policy.LimitRanges.Count > 0;
    }
}
