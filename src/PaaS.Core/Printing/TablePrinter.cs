using System.Text.Json.Nodes;
using PaaS.Core.Labels;
using PaaS.Core.Resources;

namespace PaaS.Core.Printing;

/// <summary>
/// Server-side printing: the <c>meta.k8s.io/v1</c> Table kube-apiserver returns for
/// <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>, with Kubernetes' own columns and cell formatting
/// (pkg/printers/internalversion), so <c>kubectl get</c> and <c>-o wide</c> look as they do against a real cluster.
/// </summary>
public static class TablePrinter
{
    public const string IncludeNone = "None";
    public const string IncludeMetadata = "Metadata";
    public const string IncludeObject = "Object";

    /// <summary>Builds the Table for a list (or for a single object, passed as a one-element list).</summary>
    /// <param name="objects">The stored objects' Kubernetes JSON; they are not modified.</param>
    /// <param name="resourceVersion">The list's (or object's) resourceVersion; empty omits it, as Go's omitempty does.</param>
    /// <param name="includeObject">The <c>includeObject</c> query parameter: <c>None</c>, <c>Metadata</c> (also for empty, kubectl's
    /// default) or <c>Object</c>.</param>
    /// <param name="now">The clock for AGE-style columns.</param>
    /// <exception cref="ArgumentException">An unrecognized includeObject, with Kubernetes' message for its 400 Bad Request.</exception>
    public static JsonObject Print(
        ResourceType type,
        IReadOnlyList<JsonObject> objects,
        string resourceVersion,
        string includeObject,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(objects);
        var include = string.IsNullOrEmpty(includeObject) ? IncludeMetadata : includeObject;
        if (include is not (IncludeNone or IncludeMetadata or IncludeObject))
        {
            throw new ArgumentException(
                $"unrecognized includeObject value: {FieldErrorText.GoQuote(includeObject)}", nameof(includeObject));
        }

        var table = KindTables.For(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            rows.Add(Row(type, table, obj, include, now));
        }

        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray(table.Columns.Select(c => (JsonNode)c.ToJson()).ToArray()),
            ["rows"] = rows,
        };
    }

    private static JsonObject Row(ResourceType type, KindTable table, JsonObject obj, string include, DateTimeOffset now)
    {
        var printed = table.Print(obj, now);
        var row = new JsonObject { ["cells"] = printed.Cells };
        if (printed.Conditions is { } conditions)
        {
            row["conditions"] = conditions;
        }

        // Go serializes the RawExtension even when empty, so "None" still carries "object": null.
        row["object"] = include switch
        {
            IncludeObject => FullObject(type, obj),
            IncludeMetadata => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
            },
            _ => null,
        };
        return row;
    }

    /// <summary>The object as served in its own version; kind and apiVersion are filled in when storage left them out.</summary>
    private static JsonObject FullObject(ResourceType type, JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy.ContainsKey("kind") && copy.ContainsKey("apiVersion"))
        {
            return copy;
        }

        var typed = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion };
        foreach (var (name, value) in copy.ToList())
        {
            copy.Remove(name);
            if (name is not ("kind" or "apiVersion"))
            {
                typed[name] = value;
            }
        }

        return typed;
    }
}
