using System.Globalization;
using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES.</summary>
internal static class PodTable
{
    public static KindTable Table { get; } = new(
        [
            TableColumn.NameColumn,
            new("Ready", "string", ColumnDescriptions.PodReady),
            new("Status", "string", ColumnDescriptions.PodStatus),
            // A string since 1.22 because of the "(5m ago)" suffix.
            new("Restarts", "string", ColumnDescriptions.PodRestarts),
            TableColumn.AgeColumn,
            TableColumn.Wide("IP", ColumnDescriptions.PodIP),
            TableColumn.Wide("Node", ColumnDescriptions.PodNodeName),
            TableColumn.Wide("Nominated Node", ColumnDescriptions.NominatedNodeName),
            TableColumn.Wide("Readiness Gates", ColumnDescriptions.ReadinessGates),
        ],
        Print);

    private static readonly JsonArray SucceededConditions = Completed("Succeeded", "The pod has completed successfully.");

    private static readonly JsonArray FailedConditions = Completed("Failed", "The pod failed.");

    private static PrintedRow Print(JsonObject pod, DateTimeOffset now)
    {
        var summary = PodStatusSummary.Of(pod);
        var row = PrintedRow.Of(
            Text(pod, "metadata", "name"),
            string.Create(CultureInfo.InvariantCulture, $"{summary.ReadyContainers}/{summary.TotalContainers}"),
            summary.Reason,
            summary.RestartsText(now),
            HumanDuration.Since(Time(pod, "metadata", "creationTimestamp"), now),
            OrNone(PodIP(pod)),
            OrNone(Text(pod, "spec", "nodeName")),
            OrNone(Text(pod, "status", "nominatedNodeName")),
            ReadinessGates(pod));

        var conditions = Text(pod, "status", "phase") switch
        {
            "Succeeded" => SucceededConditions,
            "Failed" => FailedConditions,
            _ => null,
        };
        return row with { Conditions = (JsonArray?)conditions?.DeepClone() };
    }

    /// <summary>
    /// The first of status.podIPs. Kubernetes fills podIPs from podIP when converting a v1 pod that lacks it,
    /// so podIP stands in for objects written without the plural field.
    /// </summary>
    private static string PodIP(JsonObject pod)
    {
        var first = Objects(pod, "status", "podIPs").FirstOrDefault();
        return first is not null ? Text(first, "ip") : Text(pod, "status", "podIP");
    }

    /// <summary>"true conditions/gates", counting only the first status condition of each gate's type.</summary>
    private static string ReadinessGates(JsonObject pod)
    {
        var gates = Objects(pod, "spec", "readinessGates").ToList();
        if (gates.Count == 0)
        {
            return "<none>";
        }

        var conditions = Objects(pod, "status", "conditions").ToList();
        var trueConditions = gates.Count(gate =>
            conditions.FirstOrDefault(c => Text(c, "type") == Text(gate, "conditionType")) is { } condition
            && Text(condition, "status") == "True");
        return string.Create(CultureInfo.InvariantCulture, $"{trueConditions}/{gates.Count}");
    }

    private static string OrNone(string value) => value.Length == 0 ? "<none>" : value;

    private static JsonArray Completed(string reason, string message) =>
    [
        new JsonObject
        {
            ["type"] = "Completed",
            ["status"] = "True",
            ["reason"] = reason,
            ["message"] = message,
        },
    ];
}
