using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Nodes: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.</summary>
internal static class NodeTable
{
    private const string RolePrefix = "node-role.kubernetes.io/";

    /// <summary>The older single-role label, whose value is the role.</summary>
    private const string RoleLabel = "kubernetes.io/role";

    public static KindTable Table { get; } = new(
        [
            TableColumn.NameColumn,
            new("Status", "string", ColumnDescriptions.NodeStatus),
            new("Roles", "string", ColumnDescriptions.NodeRoles),
            TableColumn.AgeColumn,
            new("Version", "string", ColumnDescriptions.KubeletVersion),
            TableColumn.Wide("Internal-IP", ColumnDescriptions.NodeAddresses),
            TableColumn.Wide("External-IP", ColumnDescriptions.NodeAddresses),
            TableColumn.Wide("OS-Image", ColumnDescriptions.OsImage),
            TableColumn.Wide("Kernel-Version", ColumnDescriptions.KernelVersion),
            TableColumn.Wide("Container-Runtime", ColumnDescriptions.ContainerRuntimeVersion),
        ],
        Print);

    private static PrintedRow Print(JsonObject node, DateTimeOffset now)
    {
        var roles = string.Join(',', Roles(node));
        return PrintedRow.Of(
            Text(node, "metadata", "name"),
            Status(node),
            roles.Length == 0 ? "<none>" : roles,
            HumanDuration.Since(Time(node, "metadata", "creationTimestamp"), now),
            Text(node, "status", "nodeInfo", "kubeletVersion"),
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            OrUnknown(Text(node, "status", "nodeInfo", "osImage")),
            OrUnknown(Text(node, "status", "nodeInfo", "kernelVersion")),
            OrUnknown(Text(node, "status", "nodeInfo", "containerRuntimeVersion")));
    }

    /// <summary>Ready / NotReady from the Ready condition (the last one wins, as in Go's map), Unknown without one.</summary>
    private static string Status(JsonObject node)
    {
        var ready = Objects(node, "status", "conditions").LastOrDefault(c => Text(c, "type") == "Ready");
        var status = ready is null ? "Unknown" : Text(ready, "status") == "True" ? "Ready" : "NotReady";
        return Flag(node, "spec", "unschedulable") ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>findNodeRoles: node-role.kubernetes.io/&lt;role&gt; keys and kubernetes.io/role values, sorted and deduplicated.</summary>
    private static IEnumerable<string> Roles(JsonObject node) =>
        Map(node, "metadata", "labels")
            .Select(label => label.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? label.Key[RolePrefix.Length..]
                : label.Key == RoleLabel ? label.Value
                : string.Empty)
            .Where(role => role.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>The first address of the type, "&lt;none&gt;" without one.</summary>
    private static string Address(JsonObject node, string type) =>
        Objects(node, "status", "addresses").FirstOrDefault(a => Text(a, "type") == type) is { } address
            ? Text(address, "address")
            : "<none>";

    private static string OrUnknown(string value) => value.Length == 0 ? "<unknown>" : value;
}
