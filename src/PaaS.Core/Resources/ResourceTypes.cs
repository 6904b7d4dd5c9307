using k8s.Models;
using PaaS.Core.Tenancy;

namespace PaaS.Core.Resources;

/// <summary>The registry of every kind the API serves; adding a kind starts here.</summary>
public static class ResourceTypes
{
    public static readonly ResourceType Namespace = new("", "v1", "Namespace", "namespaces", false, typeof(V1Namespace), ["ns"], NameIsLabel: true);
    public static readonly ResourceType Pod = new("", "v1", "Pod", "pods", true, typeof(V1Pod), ["po"], InCategoryAll: true);
    public static readonly ResourceType Service = new("", "v1", "Service", "services", true, typeof(V1Service), ["svc"], NameIsLabel: true, InCategoryAll: true);
    public static readonly ResourceType Endpoints = new("", "v1", "Endpoints", "endpoints", true, typeof(V1Endpoints), ["ep"], HasStatus: false);
    public static readonly ResourceType Node = new("", "v1", "Node", "nodes", false, typeof(V1Node), ["no"]);
    public static readonly ResourceType Event = new("", "v1", "Event", "events", true, typeof(Corev1Event), ["ev"], HasStatus: false);
    public static readonly ResourceType Deployment = new("apps", "v1", "Deployment", "deployments", true, typeof(V1Deployment), ["deploy"], HasScale: true, InCategoryAll: true);
    public static readonly ResourceType ReplicaSet = new("apps", "v1", "ReplicaSet", "replicasets", true, typeof(V1ReplicaSet), ["rs"], HasScale: true, InCategoryAll: true);
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "Lease", "leases", true, typeof(V1Lease), [], HasStatus: false);

    public static readonly ResourceType ConfigMap = new("", "v1", "ConfigMap", "configmaps", true, typeof(V1ConfigMap), ["cm"], HasStatus: false);
    public static readonly ResourceType Secret = new("", "v1", "Secret", "secrets", true, typeof(V1Secret), [], HasStatus: false);
    public static readonly ResourceType ResourceQuota = new("", "v1", "ResourceQuota", "resourcequotas", true, typeof(V1ResourceQuota), ["quota"]);
    public static readonly ResourceType LimitRange = new("", "v1", "LimitRange", "limitranges", true, typeof(V1LimitRange), ["limits"], HasStatus: false);
    // Team names go into the paas.dev/team label value, so they are DNS-1123 labels.
    public static readonly ResourceType Team = new("paas.dev", "v1", "Team", "teams", false, typeof(V1Team), [], NameIsLabel: true, IsCustomResource: true);

    public static IReadOnlyList<ResourceType> All { get; } =
        [Namespace, Pod, Service, Endpoints, Node, Event, ConfigMap, Secret, ResourceQuota, LimitRange, Deployment, ReplicaSet, Lease, Team];

    /// <summary>Group-versions in discovery order (core first, then named groups).</summary>
    public static IReadOnlyList<(string Group, string Version)> GroupVersions { get; } =
        All.Select(t => (t.Group, t.Version)).Distinct().ToArray();

    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public static ResourceType? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    public static ResourceType? FindByGroupResource(string groupResource) =>
        All.FirstOrDefault(t => t.GroupResource == groupResource);
}
