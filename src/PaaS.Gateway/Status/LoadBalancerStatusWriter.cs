using k8s;
using k8s.Models;
using PaaS.Gateway.Routing;

namespace PaaS.Gateway.Status;

/// <summary>
/// Reports where a LoadBalancer service is reachable: <c>status.loadBalancer.ingress[0].hostname</c>, which
/// kubectl shows under EXTERNAL-IP. Written only when it differs, as a merge patch without a
/// resourceVersion: every gateway instance writes the same value, so concurrent writers neither
/// conflict nor flap.
/// </summary>
internal sealed class LoadBalancerStatusWriter(IKubernetes api)
{
    /// <summary>The service as stored after the write, or null when nothing needed writing.</summary>
    public async Task<V1Service?> SyncAsync(V1Service service, string domain, CancellationToken cancellationToken)
    {
        if (Desired(service, domain) is not { } hostname)
        {
            return null;
        }

        var patch = new V1Patch(
            """{"status":{"loadBalancer":{"ingress":[{"hostname":""" + System.Text.Json.JsonSerializer.Serialize(hostname) + "}]}}}",
            V1Patch.PatchType.MergePatch);
        return await api.CoreV1.PatchNamespacedServiceStatusAsync(patch, service.Name(), service.Namespace(), cancellationToken: cancellationToken);
    }

    /// <summary>The hostname to write, or null when the service is not a LoadBalancer or already says it.</summary>
    public static string? Desired(V1Service service, string domain)
    {
        if (service.Spec?.Type != "LoadBalancer")
        {
            return null;
        }

        var hostname = ServiceHosts.Primary(service.Namespace() ?? "", service.Name(), domain);
        return service.Status?.LoadBalancer?.Ingress is [{ Hostname: var current, Ip: null }] && current == hostname ? null : hostname;
    }
}
