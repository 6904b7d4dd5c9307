using PaaS.Core.Resources;

namespace PaaS.Core.Printing;

/// <summary>Which printer serves a kind; matched on group and kind so another version of a kind prints the same way.</summary>
internal static class KindTables
{
    public static KindTable For(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Namespace") => MetadataTables.Namespace,
        ("", "Pod") => PodTable.Table,
        ("", "Service") => ServiceTables.Service,
        ("", "Endpoints") => ServiceTables.Endpoints,
        ("", "Node") => NodeTable.Table,
        ("", "Event") => EventTable.Table,
        ("apps", "Deployment") => WorkloadTables.Deployment,
        ("apps", "ReplicaSet") => WorkloadTables.ReplicaSet,
        ("coordination.k8s.io", "Lease") => MetadataTables.Lease,
        ("", "ConfigMap") => ConfigTables.ConfigMap,
        ("", "Secret") => ConfigTables.Secret,
        ("", "ResourceQuota") => QuotaTables.ResourceQuota,
        ("", "LimitRange") => QuotaTables.LimitRange,
        ("paas.dev", "Team") => TeamTable.Table,
        _ => MetadataTables.Generic,
    };
}
