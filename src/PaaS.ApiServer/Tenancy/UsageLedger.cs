using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;

namespace PaaS.ApiServer.Tenancy;

/// <summary>
/// Start-up repair of the quota ledger, like Kubernetes' quota controller's full resync: objects stored
/// without a usage (written before quotas existed) get it computed, then <c>namespace_usage</c> is rebuilt
/// from the objects' usage while the store's counter row is locked, so no write slips in between.
/// </summary>
internal sealed class UsageLedger(NpgsqlDataSource dataSource)
{
    public async Task RebuildAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCounter = new NpgsqlCommand("SELECT value FROM store_counter WHERE id = 1 FOR UPDATE", connection, transaction))
        {
            await lockCounter.ExecuteScalarAsync(ct);
        }

        var missing = new List<(string Resource, string Namespace, string Name, string Body)>();
        await using (var select = new NpgsqlCommand("SELECT resource, namespace, name, body::text FROM objects WHERE usage IS NULL AND namespace <> ''", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                missing.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var (resource, ns, name, body) in missing)
        {
            if (ResourceTypes.FindByGroupResource(resource) is not { } type)
            {
                continue;
            }

            // A Secret's data is stored encrypted and does not count: leave it out rather than decrypt it here.
            var json = JsonNode.Parse(body)!.AsObject();
            if (type == ResourceTypes.Secret)
            {
                json.Remove("data");
            }

            var usage = QuotaUsage.Of(type, ObjectJson.ToModel(type, json));
            await using var update = new NpgsqlCommand("UPDATE objects SET usage = @usage WHERE resource = @r AND namespace = @ns AND name = @n", connection, transaction);
            update.Parameters.Add(new NpgsqlParameter("usage", NpgsqlDbType.Jsonb) { Value = usage.Count == 0 ? "{}" : JsonSerializer.Serialize(usage) });
            update.Parameters.AddWithValue("r", resource);
            update.Parameters.AddWithValue("ns", ns);
            update.Parameters.AddWithValue("n", name);
            await update.ExecuteNonQueryAsync(ct);
        }

        await using (var rebuild = new NpgsqlCommand("""
            DELETE FROM namespace_usage;
            SELECT paas_rebuild_usage(ARRAY(SELECT DISTINCT namespace FROM objects WHERE namespace <> ''));
            """, connection, transaction))
        {
            await rebuild.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
