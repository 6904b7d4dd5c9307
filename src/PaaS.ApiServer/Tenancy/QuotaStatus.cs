using System.Text.Json.Nodes;
using k8s.Models;
using Npgsql;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// Fills <c>status</c> of ResourceQuotas (<c>hard</c>, <c>used</c>) and Teams (<c>namespaces</c>,
/// <c>quota.hard</c>, <c>quota.used</c>) from the quota ledger when they are read, so what a client sees
/// is the exact usage at that moment (the ledger changes in the same transaction as every write).
/// Watch events carry the stored object without this overlay.
/// </summary>
internal sealed class QuotaStatus(NpgsqlDataSource dataSource)
{
    public static bool Applies(ResourceType type) => type == ResourceTypes.ResourceQuota || type == ResourceTypes.Team;

    public async Task<List<string>> OverlayAsync(ResourceType type, IReadOnlyList<string> bodies, CancellationToken ct)
    {
        var objects = bodies.Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        if (objects.Count == 0)
        {
            return [];
        }

        if (type == ResourceTypes.ResourceQuota)
        {
            var ledger = await ReadLedgerAsync(objects.Select(o => (string)o["metadata"]!["namespace"]!).Distinct().ToArray(), ct);
            foreach (var json in objects)
            {
                var quota = (V1ResourceQuota)ObjectJson.ToModel(type, json);
                var used = ledger.GetValueOrDefault(quota.Metadata.NamespaceProperty) ?? [];
                json["status"] = ObjectJson.ToJson(new V1ResourceQuotaStatus { Hard = quota.Spec?.Hard, Used = UsedFor(quota.Spec?.Hard, [used]) });
            }
        }
        else
        {
            var teamNamespaces = await ReadTeamNamespacesAsync(objects.Select(o => (string)o["metadata"]!["name"]!).ToArray(), ct);
            var ledger = await ReadLedgerAsync(teamNamespaces.Values.SelectMany(n => n).ToArray(), ct);
            foreach (var json in objects)
            {
                var team = (V1Team)ObjectJson.ToModel(type, json);
                var namespaces = teamNamespaces.GetValueOrDefault(team.Metadata.Name) ?? [];
                var hard = team.Spec.Quota?.Hard;
                json["status"] = ObjectJson.ToJson(new V1TeamStatus
                {
                    Namespaces = namespaces,
                    Quota = hard is null ? null : new V1ResourceQuotaStatus { Hard = hard, Used = UsedFor(hard, namespaces.Select(n => ledger.GetValueOrDefault(n) ?? [])) },
                });
            }
        }

        return objects.Select(o => o.ToJsonString()).ToList();
    }

    /// <summary>Usage under the same keys as <paramref name="hard"/> (which may say <c>cpu</c> for <c>requests.cpu</c>).</summary>
    private static Dictionary<string, ResourceQuantity>? UsedFor(IDictionary<string, ResourceQuantity>? hard, IEnumerable<Dictionary<string, decimal>> ledgers)
    {
        if (hard is null)
        {
            return null;
        }

        var all = ledgers.ToList();
        return hard.Keys.ToDictionary(k => k, k =>
        {
            var normalised = QuotaHard.Parse(new Dictionary<string, ResourceQuantity> { [k] = hard[k] }).Keys.Single();
            var total = all.Sum(l => l.GetValueOrDefault(normalised));
            return new ResourceQuantity(QuotaHard.Format(normalised, total));
        });
    }

    private async Task<Dictionary<string, Dictionary<string, decimal>>> ReadLedgerAsync(string[] namespaces, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT namespace, resource, used FROM namespace_usage WHERE namespace = ANY(@ns)");
        command.Parameters.AddWithValue("ns", namespaces);
        var ledger = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var ns = reader.GetString(0);
            if (!ledger.TryGetValue(ns, out var used))
            {
                ledger[ns] = used = new Dictionary<string, decimal>(StringComparer.Ordinal);
            }

            used[reader.GetString(1)] = reader.GetDecimal(2);
        }

        return ledger;
    }

    private async Task<Dictionary<string, List<string>>> ReadTeamNamespacesAsync(string[] teams, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT labels ->> @label, name FROM objects WHERE resource = 'namespaces' AND labels ->> @label = ANY(@teams) ORDER BY name");
        command.Parameters.AddWithValue("label", V1Team.TeamLabel);
        command.Parameters.AddWithValue("teams", teams);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var team = reader.GetString(0);
            if (!result.TryGetValue(team, out var names))
            {
                result[team] = names = [];
            }

            names.Add(reader.GetString(1));
        }

        return result;
    }
}
