using PaaS.Core.Resources;
using static PaaS.Core.Patching.PatchField;

namespace PaaS.Core.Patching;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> tags of k8s.io/api (v1.32) for the kinds this API serves, as
/// strategic merge patch reads them. Only lists that merge need an entry; unlisted lists are replaced, as in
/// Kubernetes (tolerations, taints, readinessGates, Endpoints subsets, ...). Types that several kinds embed (pod
/// spec, object metadata) are declared once and shared.
/// </summary>
internal static class PatchSchemas
{
    private static readonly PatchSchema Container = new(
        ("ports", MergeBy("containerPort")),
        ("env", MergeBy("name")),
        ("volumeMounts", MergeBy("mountPath")),
        ("volumeDevices", MergeBy("devicePath")));

    private static readonly PatchSchema PodSpec = new(
        ("volumes", MergeBy("name")),
        ("initContainers", MergeBy("name", Container)),
        ("containers", MergeBy("name", Container)),
        ("ephemeralContainers", MergeBy("name", Container)),
        ("imagePullSecrets", MergeBy("name")),
        ("hostAliases", MergeBy("ip")),
        ("topologySpreadConstraints", MergeBy("topologyKey")),
        ("resourceClaims", MergeBy("name")),
        ("schedulingGates", MergeBy("name")));

    private static readonly PatchSchema ObjectMeta = new(
        ("finalizers", PrimitiveSet),
        ("ownerReferences", MergeBy("uid")));

    private static readonly PatchSchema PodTemplateSpec = new(
        ("metadata", Nested(ObjectMeta)),
        ("spec", Nested(PodSpec)));

    private static readonly PatchSchema PodStatus = new(
        ("conditions", MergeBy("type")),
        ("podIPs", MergeBy("ip")),
        ("hostIPs", MergeBy("ip")),
        ("resourceClaimStatuses", MergeBy("name")));

    // Deployment, ReplicaSet, Service and Namespace statuses merge their conditions and nothing else.
    private static readonly PatchSchema ConditionsStatus = new(("conditions", MergeBy("type")));

    private static readonly PatchSchema Workload = Kind(
        ("spec", Nested(new(("template", Nested(PodTemplateSpec))))),
        ("status", Nested(ConditionsStatus)));

    private static readonly Dictionary<string, PatchSchema> ByGroupResource = new(StringComparer.Ordinal)
    {
        [ResourceTypes.Pod.GroupResource] = Kind(("spec", Nested(PodSpec)), ("status", Nested(PodStatus))),
        [ResourceTypes.Deployment.GroupResource] = Workload,
        [ResourceTypes.ReplicaSet.GroupResource] = Workload,
        [ResourceTypes.Service.GroupResource] = Kind(
            ("spec", Nested(new(("ports", MergeBy("port"))))),
            ("status", Nested(ConditionsStatus))),
        [ResourceTypes.Node.GroupResource] = Kind(
            ("spec", Nested(new(("podCIDRs", PrimitiveSet)))),
            ("status", Nested(new(("conditions", MergeBy("type")), ("addresses", MergeBy("type")))))),
        [ResourceTypes.Namespace.GroupResource] = Kind(("status", Nested(ConditionsStatus))),
    };

    private static readonly PatchSchema MetadataOnly = Kind();

    /// <summary>The schema of a kind's whole object; kinds without merging lists of their own still merge metadata.</summary>
    public static PatchSchema For(ResourceType type) => ByGroupResource.GetValueOrDefault(type.GroupResource) ?? MetadataOnly;

    private static PatchSchema Kind(params (string Name, PatchField Field)[] fields) =>
        new([("metadata", Nested(ObjectMeta)), .. fields]);
}
