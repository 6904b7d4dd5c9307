using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>ConfigMaps (NAME DATA AGE) and Secrets (NAME TYPE DATA AGE); DATA counts keys, never shows values.</summary>
internal static class ConfigTables
{
    public static KindTable ConfigMap { get; } = new(
        [TableColumn.NameColumn, new("Data", "string", ColumnDescriptions.ConfigMapData), TableColumn.AgeColumn],
        (configMap, now) => PrintedRow.Of(
            Text(configMap, "metadata", "name"),
            (long)(Count(configMap, "data") + Count(configMap, "binaryData")),
            HumanDuration.Since(Time(configMap, "metadata", "creationTimestamp"), now)));

    public static KindTable Secret { get; } = new(
        [
            TableColumn.NameColumn,
            new("Type", "string", ColumnDescriptions.SecretType),
            new("Data", "string", ColumnDescriptions.SecretData),
            TableColumn.AgeColumn,
        ],
        (secret, now) => PrintedRow.Of(
            Text(secret, "metadata", "name"),
            Text(secret, "type"),
            (long)Count(secret, "data"),
            HumanDuration.Since(Time(secret, "metadata", "creationTimestamp"), now)));

    private static int Count(JsonObject obj, string field) => Object(obj, field)?.Count ?? 0;
}
