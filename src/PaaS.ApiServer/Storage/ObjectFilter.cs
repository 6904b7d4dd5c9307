using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using PaaS.ApiServer.Api;
using PaaS.Core.Labels;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Storage;

/// <summary>
/// A list or watch filter: <c>labelSelector</c> and <c>fieldSelector</c>, turned into SQL for lists
/// and evaluated in memory for the change log (which stores only the object's JSON).
/// </summary>
internal sealed class ObjectFilter
{
    /// <summary>Selectable fields per kind: the SQL expression over the <c>objects</c> row and the JSON path for the change log.</summary>
    private static readonly Dictionary<string, SelectableField> CommonFields = new()
    {
        ["metadata.name"] = new("o.name", "metadata", "name"),
        ["metadata.namespace"] = new("o.namespace", "metadata", "namespace"),
    };

    private static readonly Dictionary<string, SelectableField> PodFields = new(CommonFields)
    {
        // Node agents list their pods by spec.nodeName on every sync: it must use the node_name index.
        ["spec.nodeName"] = new("coalesce(o.node_name, '')", "spec", "nodeName") { IndexedColumn = "o.node_name" },
        ["status.phase"] = new("coalesce(o.phase, '')", "status", "phase"),
    };

    /// <summary>What <c>kubectl describe</c> asks for to show an object's events.</summary>
    private static readonly Dictionary<string, SelectableField> EventFields = new(
        new[] { "kind", "name", "namespace", "uid", "apiVersion", "resourceVersion", "fieldPath" }
            .ToDictionary(f => "involvedObject." + f, f => new SelectableField($"coalesce(o.body -> 'involvedObject' ->> '{f}', '')", "involvedObject", f))
            .Concat(CommonFields)
            .Append(new("reason", new("coalesce(o.body ->> 'reason', '')", "reason")))
            .Append(new("type", new("coalesce(o.body ->> 'type', '')", "type")))
            .Append(new("source", new("coalesce(o.body -> 'source' ->> 'component', '')", "source", "component"))));

    private ObjectFilter(LabelSelector labels, IReadOnlyList<FieldRequirement> fields, HashSet<string>? namespaces = null, HashSet<string>? names = null)
    {
        Labels = labels;
        Fields = fields;
        VisibleNamespaces = namespaces;
        VisibleNames = names;
    }

    /// <summary>When set, only objects in these namespaces are listed or watched (what the caller may see).</summary>
    public HashSet<string>? VisibleNamespaces { get; }

    /// <summary>When set, only objects with these names (cluster-scoped kinds: a user's namespaces and teams).</summary>
    public HashSet<string>? VisibleNames { get; }

    /// <summary>This filter, narrowed to what the caller may see.</summary>
    public ObjectFilter Restrict(IReadOnlyCollection<string>? namespaces, IReadOnlyCollection<string>? names) =>
        namespaces is null && names is null ? this
            : new ObjectFilter(Labels, Fields, namespaces?.ToHashSet(StringComparer.Ordinal), names?.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether an object in <paramref name="ns"/> named <paramref name="name"/> is within <see cref="Restrict"/>'s bounds.</summary>
    public bool IsVisible(string ns, string name) =>
        (VisibleNamespaces is null || VisibleNamespaces.Contains(ns)) && (VisibleNames is null || VisibleNames.Contains(name));

    public LabelSelector Labels { get; }

    public IReadOnlyList<FieldRequirement> Fields { get; }

    public static ObjectFilter Parse(ResourceType type, string? labelSelector, string? fieldSelector)
    {
        LabelSelector labels;
        try
        {
            labels = LabelSelector.Parse(labelSelector);
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest($"unable to parse labelSelector \"{labelSelector}\": {e.Message}");
        }

        var supported = type == ResourceTypes.Pod ? PodFields : type == ResourceTypes.Event ? EventFields : CommonFields;
        var fields = new List<FieldRequirement>();
        foreach (var term in (fieldSelector ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (field, equal, value) = term.Contains("!=", StringComparison.Ordinal) ? Split(term, "!=", false)
                : term.Contains("==", StringComparison.Ordinal) ? Split(term, "==", true)
                : term.Contains('=', StringComparison.Ordinal) ? Split(term, "=", true)
                : throw ApiException.BadRequest($"invalid field selector: '{term}': expected an operator (=, == or !=)");
            if (!supported.TryGetValue(field, out var selectable))
            {
                throw ApiException.BadRequest($"field label not supported: {field} (supported for {type.GroupResource}: {string.Join(", ", supported.Keys.Order())})");
            }

            fields.Add(new FieldRequirement(field, equal, value, selectable));
        }

        return new ObjectFilter(labels, fields);
    }

    /// <summary>Appends <c> AND ...</c> conditions on the <c>objects</c> alias <c>o</c>.</summary>
    public void AppendSql(StringBuilder sql, NpgsqlParameterCollection parameters)
    {
        string Add(object value, NpgsqlDbType type)
        {
            var name = "f" + parameters.Count;
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            return "@" + name;
        }

        if (VisibleNamespaces is not null)
        {
            sql.Append($" AND o.namespace = ANY({Add(VisibleNamespaces.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        if (VisibleNames is not null)
        {
            sql.Append($" AND o.name = ANY({Add(VisibleNames.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        foreach (var field in Fields)
        {
            if (field.Equal && field.Selectable.IndexedColumn is { } column)
            {
                sql.Append(field.Value.Length == 0 ? $" AND {column} IS NULL" : $" AND {column} = {Add(field.Value, NpgsqlDbType.Text)}");
                continue;
            }

            sql.Append($" AND {field.Selectable.Sql} {(field.Equal ? "=" : "<>")} {Add(field.Value, NpgsqlDbType.Text)}");
        }

        var equalities = Labels.Requirements.Where(r => r.Operator == LabelOperator.Equals).ToDictionary(r => r.Key, r => r.Values[0]);
        if (equalities.Count > 0)
        {
            // Containment uses the GIN index on labels.
            sql.Append($" AND o.labels @> {Add(JsonSerializer.Serialize(equalities), NpgsqlDbType.Jsonb)}");
        }

        foreach (var r in Labels.Requirements.Where(r => r.Operator != LabelOperator.Equals))
        {
            var key = Add(r.Key, NpgsqlDbType.Text);
            sql.Append(r.Operator switch
            {
                LabelOperator.NotEquals => $" AND (o.labels ->> {key}) IS DISTINCT FROM {Add(r.Values[0], NpgsqlDbType.Text)}",
                LabelOperator.In => $" AND (o.labels ->> {key}) = ANY({Add(r.Values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})",
                LabelOperator.NotIn => $" AND NOT coalesce((o.labels ->> {key}) = ANY({Add(r.Values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)}), false)",
                LabelOperator.Exists => $" AND o.labels ? {key}",
                _ => $" AND NOT (o.labels ? {key})",
            });
        }
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var field in Fields)
        {
            JsonNode? node = obj;
            foreach (var segment in field.Selectable.JsonPath)
            {
                node = node?[segment];
            }

            var actual = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
            if ((actual == field.Value) != field.Equal)
            {
                return false;
            }
        }

        if (Labels.IsEmpty)
        {
            return true;
        }

        var labels = obj["metadata"]?["labels"] is JsonObject map
            ? map.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "")
            : new Dictionary<string, string>();
        return Labels.Matches(labels);
    }

    private static (string Field, bool Equal, string Value) Split(string term, string op, bool equal)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (term[..at].Trim(), equal, term[(at + op.Length)..].Trim());
    }
}
