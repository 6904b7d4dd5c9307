using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>
/// Events as <c>kubectl get events</c> lists them: LAST SEEN TYPE REASON OBJECT MESSAGE,
/// wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME (interleaved by priority, as Kubernetes orders them).
/// </summary>
internal static class EventTable
{
    public static KindTable Table { get; } = new(
        [
            new("Last Seen", "string", ColumnDescriptions.EventLastTimestamp),
            new("Type", "string", ColumnDescriptions.EventType),
            new("Reason", "string", ColumnDescriptions.EventReason),
            new("Object", "string", ColumnDescriptions.EventInvolvedObject),
            TableColumn.Wide("Subobject", ColumnDescriptions.EventFieldPath),
            TableColumn.Wide("Source", ColumnDescriptions.EventSource),
            new("Message", "string", ColumnDescriptions.EventMessage),
            TableColumn.Wide("First Seen", ColumnDescriptions.EventFirstTimestamp),
            TableColumn.Wide("Count", ColumnDescriptions.EventCount),
            new("Name", "string", ColumnDescriptions.ObjectName, Priority: 1, Format: "name"),
        ],
        Print);

    private static PrintedRow Print(JsonObject ev, DateTimeOffset now)
    {
        // events.k8s.io/v1 writers leave the legacy timestamps empty and set eventTime or a series instead.
        var firstSeen = Time(ev, "firstTimestamp") is { } first
            ? HumanDuration.Format(now - first)
            : HumanDuration.Since(Time(ev, "eventTime"), now);
        var lastSeen = Time(ev, "lastTimestamp") is { } last ? HumanDuration.Format(now - last) : firstSeen;

        var count = Number(ev, "count");
        if (Object(ev, "series") is { } series)
        {
            lastSeen = HumanDuration.Since(Time(series, "lastObservedTime"), now);
            count = Number(series, "count");
        }
        else if (count == 0)
        {
            // Singleton events do not set a count in the new API.
            count = 1;
        }

        var kind = Text(ev, "involvedObject", "kind").ToLowerInvariant();
        var name = Text(ev, "involvedObject", "name");
        return PrintedRow.Of(
            lastSeen,
            Text(ev, "type"),
            Text(ev, "reason"),
            name.Length > 0 ? $"{kind}/{name}" : kind,
            Text(ev, "involvedObject", "fieldPath"),
            Source(ev),
            Text(ev, "message").Trim(),
            firstSeen,
            count,
            Text(ev, "metadata", "name"));
    }

    /// <summary>formatEventSource: "component, host", falling back to reportingController and reportingInstance.</summary>
    private static string Source(JsonObject ev)
    {
        var component = FirstNonEmpty(Text(ev, "source", "component"), Text(ev, "reportingComponent"));
        var instance = FirstNonEmpty(Text(ev, "source", "host"), Text(ev, "reportingInstance"));
        return instance.Length == 0 ? component : $"{component}, {instance}";
    }

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;
}
