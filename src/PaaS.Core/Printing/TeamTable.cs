using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Teams: NAME MEMBERS NAMESPACES AGE, MEMBERS counting spec.members and NAMESPACES listing status.namespaces.</summary>
internal static class TeamTable
{
    public static KindTable Table { get; } = new(
        [
            TableColumn.NameColumn,
            new("Members", "integer", ColumnDescriptions.TeamMembers),
            new("Namespaces", "string", ColumnDescriptions.TeamNamespaces),
            TableColumn.AgeColumn,
        ],
        Print);

    private static PrintedRow Print(JsonObject team, DateTimeOffset now)
    {
        var namespaces = string.Join(',', Texts(team, "status", "namespaces"));
        return PrintedRow.Of(
            Text(team, "metadata", "name"),
            (long)Objects(team, "spec", "members").Count(),
            namespaces.Length == 0 ? "<none>" : namespaces,
            HumanDuration.Since(Time(team, "metadata", "creationTimestamp"), now));
    }
}
