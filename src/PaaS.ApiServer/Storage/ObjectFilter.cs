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
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];
    private static readonly string[] PodFields = ["metadata.name", "metadata.namespace", "spec.nodeName", "status.phase"];

    private ObjectFilter(LabelSelector labels, IReadOnlyList<FieldRequirement> fields)
    {
        Labels = labels;
        Fields = fields;
    }

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

        var supported = type == ResourceTypes.Pod ? PodFields : CommonFields;
        var fields = new List<FieldRequirement>();
        foreach (var term in (fieldSelector ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (field, equal, value) = term.Contains("!=", StringComparison.Ordinal) ? Split(term, "!=", false)
                : term.Contains("==", StringComparison.Ordinal) ? Split(term, "==", true)
                : term.Contains('=', StringComparison.Ordinal) ? Split(term, "=", true)
                : throw ApiException.BadRequest($"invalid field selector: '{term}': expected an operator (=, == or !=)");
            if (!supported.Contains(field))
            {
                throw ApiException.BadRequest($"field label not supported: {field} (supported for {type.GroupResource}: {string.Join(", ", supported)})");
            }

            fields.Add(new FieldRequirement(field, equal, value));
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

        foreach (var field in Fields)
        {
            var column = field.Field switch
            {
                "metadata.name" => "o.name",
                "metadata.namespace" => "o.namespace",
                "spec.nodeName" => "coalesce(o.node_name, '')",
                _ => "coalesce(o.phase, '')",
            };
            sql.Append($" AND {column} {(field.Equal ? "=" : "<>")} {Add(field.Value, NpgsqlDbType.Text)}");
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
            var actual = field.Field switch
            {
                "metadata.name" => obj["metadata"]?["name"]?.GetValue<string>(),
                "metadata.namespace" => obj["metadata"]?["namespace"]?.GetValue<string>(),
                "spec.nodeName" => obj["spec"]?["nodeName"]?.GetValue<string>(),
                _ => obj["status"]?["phase"]?.GetValue<string>(),
            } ?? "";
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
