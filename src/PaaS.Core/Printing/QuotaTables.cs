using System.Globalization;
using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>ResourceQuotas (NAME AGE REQUEST LIMIT, from status) and LimitRanges (NAME CREATED AT).</summary>
internal static class QuotaTables
{
    public static KindTable ResourceQuota { get; } = new(
        [
            TableColumn.NameColumn,
            TableColumn.AgeColumn,
            new("Request", "string", ColumnDescriptions.QuotaRequest),
            new("Limit", "string", ColumnDescriptions.QuotaLimit),
        ],
        PrintResourceQuota);

    public static KindTable LimitRange { get; } = new(
        [TableColumn.NameColumn, new("Created At", "date", ColumnDescriptions.CreationTimestamp)],
        PrintLimitRange);

    /// <summary>
    /// printResourceQuota: "resource: used/hard" for every resource of status.hard, sorted by name; limits.* resources
    /// go to LIMIT, the rest to REQUEST. A resource with no recorded use shows 0.
    /// </summary>
    private static PrintedRow PrintResourceQuota(JsonObject quota, DateTimeOffset now)
    {
        var hard = Map(quota, "status", "hard");
        var used = Object(quota, "status", "used");
        var requests = new List<string>();
        var limits = new List<string>();
        foreach (var (resource, limit) in hard.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var column = resource.Split('.') is [ "limits", _, .. ] ? limits : requests;
            column.Add($"{resource}: {QuantityText(used?[resource]) ?? "0"}/{limit}");
        }

        return PrintedRow.Of(
            Text(quota, "metadata", "name"),
            HumanDuration.Since(Time(quota, "metadata", "creationTimestamp"), now),
            string.Join(", ", requests),
            string.Join(", ", limits));
    }

    /// <summary>printLimitRange: the creation time itself (a metav1.Time cell, RFC 3339 in UTC; null when unset).</summary>
    private static PrintedRow PrintLimitRange(JsonObject range, DateTimeOffset now)
    {
        var created = Time(range, "metadata", "creationTimestamp");
        var cells = new JsonArray(
            JsonValue.Create(Text(range, "metadata", "name")),
            created is { } time ? JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : null);
        return new PrintedRow(cells);
    }

    /// <summary>Quantities are strings in stored JSON, but a number is a quantity too.</summary>
    private static string? QuantityText(JsonNode? node) =>
        node is JsonValue value ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString() : null;
}
