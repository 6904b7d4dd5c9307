using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Kinds whose rows are little more than metadata: Namespace, Lease, and the fallback for kinds without a printer.</summary>
internal static class MetadataTables
{
    public static KindTable Namespace { get; } = new(
        [TableColumn.NameColumn, new("Status", "string", ColumnDescriptions.NamespaceStatus), TableColumn.AgeColumn],
        (ns, now) => PrintedRow.Of(Name(ns), Text(ns, "status", "phase"), Age(ns, now)));

    public static KindTable Lease { get; } = new(
        [TableColumn.NameColumn, new("Holder", "string", ColumnDescriptions.LeaseHolderIdentity), TableColumn.AgeColumn],
        (lease, now) => PrintedRow.Of(Name(lease), Text(lease, "spec", "holderIdentity"), Age(lease, now)));

    /// <summary>
    /// NAME AGE, so a kind added to the registry lists sensibly before it gets its own printer. This is the
    /// built-in printers' Age column rather than the generic convertor's "Created At" timestamp, which reads worse.
    /// </summary>
    public static KindTable Generic { get; } = new(
        [TableColumn.NameColumn, TableColumn.AgeColumn],
        (obj, now) => PrintedRow.Of(Name(obj), Age(obj, now)));

    private static string Name(JsonObject obj) => Text(obj, "metadata", "name");

    private static string Age(JsonObject obj, DateTimeOffset now) => HumanDuration.Since(Time(obj, "metadata", "creationTimestamp"), now);
}
