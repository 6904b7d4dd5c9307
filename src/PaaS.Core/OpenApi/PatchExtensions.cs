using System.Text.Json.Nodes;
using k8s.Models;

namespace PaaS.Core.OpenApi;

/// <summary>
/// Kubernetes' <c>x-kubernetes-patch-merge-key</c> / <c>x-kubernetes-patch-strategy</c> on list fields.
/// kubectl computes <c>apply</c> patches from the server's OpenAPI once it is served: without these tags
/// it would treat merging lists as atomic and see every defaulted field (a port's protocol) as a change.
/// The same tags drive the server's own strategic merge (<c>Patching.PatchSchemas</c>).
/// </summary>
internal static class PatchExtensions
{
    private static readonly Dictionary<(Type Model, string Field), (string? MergeKey, string Strategy)> Tags = new()
    {
        [(typeof(V1Container), "ports")] = ("containerPort", "merge"),
        [(typeof(V1Container), "env")] = ("name", "merge"),
        [(typeof(V1Container), "volumeMounts")] = ("mountPath", "merge"),
        [(typeof(V1Container), "volumeDevices")] = ("devicePath", "merge"),
        [(typeof(V1EphemeralContainer), "ports")] = ("containerPort", "merge"),
        [(typeof(V1EphemeralContainer), "env")] = ("name", "merge"),
        [(typeof(V1EphemeralContainer), "volumeMounts")] = ("mountPath", "merge"),
        [(typeof(V1EphemeralContainer), "volumeDevices")] = ("devicePath", "merge"),
        [(typeof(V1PodSpec), "volumes")] = ("name", "merge,retainKeys"),
        [(typeof(V1PodSpec), "initContainers")] = ("name", "merge"),
        [(typeof(V1PodSpec), "containers")] = ("name", "merge"),
        [(typeof(V1PodSpec), "ephemeralContainers")] = ("name", "merge"),
        [(typeof(V1PodSpec), "imagePullSecrets")] = ("name", "merge"),
        [(typeof(V1PodSpec), "hostAliases")] = ("ip", "merge"),
        [(typeof(V1PodSpec), "topologySpreadConstraints")] = ("topologyKey", "merge"),
        [(typeof(V1PodSpec), "resourceClaims")] = ("name", "merge,retainKeys"),
        [(typeof(V1PodSpec), "schedulingGates")] = ("name", "merge"),
        [(typeof(V1ObjectMeta), "finalizers")] = (null, "merge"),
        [(typeof(V1ObjectMeta), "ownerReferences")] = ("uid", "merge"),
        [(typeof(V1ServiceSpec), "ports")] = ("port", "merge"),
        [(typeof(V1DeploymentSpec), "strategy")] = (null, "retainKeys"),
        [(typeof(V1PodStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1PodStatus), "podIPs")] = ("ip", "merge"),
        [(typeof(V1PodStatus), "hostIPs")] = ("ip", "merge"),
        [(typeof(V1DeploymentStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1ReplicaSetStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1NamespaceStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1ServiceStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1NodeStatus), "conditions")] = ("type", "merge"),
        [(typeof(V1NodeStatus), "addresses")] = ("type", "merge"),
        [(typeof(V1NodeSpec), "podCIDRs")] = (null, "merge"),
    };

    public static void Apply(Type model, string field, JsonObject schema)
    {
        if (Tags.TryGetValue((model, field), out var tag))
        {
            if (tag.MergeKey is not null)
            {
                schema["x-kubernetes-patch-merge-key"] = tag.MergeKey;
            }

            schema["x-kubernetes-patch-strategy"] = tag.Strategy;
        }
    }
}
