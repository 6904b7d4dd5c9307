using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaaS.Contracts;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Outbox;

/// <summary>
/// Publishes committed changes to RabbitMQ as <see cref="ResourceChanged"/>, oldest first, advancing its
/// cursor only past changes the broker confirmed: at least once, in commit order per object. While RabbitMQ
/// is down the rows wait and writes carry on. One relay runs at a time across API server instances
/// (a session advisory lock), so instances do not publish the same change twice in a race. Changes of
/// pods bound to a node also go to that node's agent alone (<see cref="NodeRouting"/>).
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const long RelayLockKey = 0x7061_6173_7265_6c61; // "paasrela"
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _lastTrim = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                if (!await TryTakeRelayLockAsync(connection, stoppingToken))
                {
                    await Task.Delay(_options.PollInterval * 5, stoppingToken);
                    continue;
                }

                await RelayWhileLeaderAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRelayFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task RelayWhileLeaderAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var published = await PublishBatchAsync(connection, ct);
            if (DateTimeOffset.UtcNow - _lastTrim > TimeSpan.FromMinutes(1))
            {
                await TrimAsync(connection, ct);
                _lastTrim = DateTimeOffset.UtcNow;
            }

            if (published < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, ct);
            }
        }
    }

    private async Task<int> PublishBatchAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var batch = new List<(long Version, ResourceChanged Message)>();
        // The cursor as a scalar subquery bounds the index scan; written as a join, the planner walked the
        // whole retained log (every change of the last 15 minutes) on every pass.
        await using (var command = new NpgsqlCommand("""
            SELECT c.resource_version, c.resource, c.namespace, c.name, c.uid, c.change_type, owner.kind, owner.name,
                CASE WHEN c.resource = 'pods' THEN c.body -> 'spec' ->> 'nodeName' END,
                CASE WHEN c.resource = 'pods' THEN c.body -> 'status' ->> 'phase' END,
                c.body -> 'metadata' ->> 'deletionTimestamp' IS NOT NULL,
                CASE WHEN c.resource = 'pods' THEN c.body -> 'metadata' ->> 'labels' END
            FROM object_changes c
            LEFT JOIN LATERAL (
                SELECT r ->> 'kind' AS kind, r ->> 'name' AS name FROM json_array_elements(c.body -> 'metadata' -> 'ownerReferences') r
                WHERE r ->> 'controller' = 'true' LIMIT 1) owner ON true
            WHERE c.resource_version > (SELECT published_through FROM outbox_cursor WHERE id = 1)
            ORDER BY c.resource_version LIMIT @limit
            """, connection))
        {
            command.Parameters.AddWithValue("limit", _options.BatchSize);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var type = ResourceTypes.FindByGroupResource(reader.GetString(1));
                batch.Add((reader.GetInt64(0), new ResourceChanged(
                    type?.ApiVersion ?? "", type?.Kind ?? reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetInt64(0), reader.GetString(5),
                    OwnerKind: reader.IsDBNull(6) ? null : reader.GetString(6),
                    OwnerName: reader.IsDBNull(7) ? null : reader.GetString(7),
                    NodeName: reader.IsDBNull(8) ? null : reader.GetString(8),
                    Phase: reader.IsDBNull(9) ? null : reader.GetString(9),
                    Deleting: !reader.IsDBNull(10) && reader.GetBoolean(10),
                    Labels: reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(11)))));
            }
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        // Changes of one object go out one after another, in commit order; different objects in parallel
        // (enough to hide the broker's confirm round trip). The first failure stops the pass.
        var confirmed = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        var nodePods = await bus.GetSendEndpoint(NodeRouting.Address);
        using var stopPass = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var groups = batch.GroupBy(c => (c.Message.Kind, c.Message.Namespace, c.Message.Name));
        try
        {
            await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelPublishes, CancellationToken = stopPass.Token }, async (changes, token) =>
            {
                foreach (var (version, message) in changes)
                {
                    try
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                        timeout.CancelAfter(TimeSpan.FromSeconds(10));
                        await bus.Publish(message, timeout.Token);
                        if (message.NodeName is { Length: > 0 } node)
                        {
                            await nodePods.Send(message, context => context.SetRoutingKey(node), timeout.Token);
                        }

                        confirmed[version] = true;
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        if (!stopPass.IsCancellationRequested)
                        {
                            LogPublishFailed(logger, version, e);
                            await stopPass.CancelAsync();
                        }

                        return;
                    }
                }
            });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A publish failed and stopped the pass; what was confirmed still counts below.
        }

        // The cursor moves to the end of the confirmed prefix: anything after the first unconfirmed
        // change is published again next pass (at least once, never skipped).
        long through = 0;
        foreach (var (version, _) in batch)
        {
            if (!confirmed.ContainsKey(version))
            {
                break;
            }

            through = version;
        }

        await using var advance = new NpgsqlCommand("UPDATE outbox_cursor SET published_through = greatest(published_through, @through) WHERE id = 1", connection);
        advance.Parameters.AddWithValue("through", through);
        await advance.ExecuteNonQueryAsync(CancellationToken.None);
        if (confirmed.Count < batch.Count)
        {
            // The broker is unwell: back off instead of spinning on the same batch.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            return 0;
        }

        return batch.Count;
    }

    /// <summary>Drops published changes older than the retention; watches from below the cut get 410 Gone.</summary>
    private async Task TrimAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            WITH trimmed AS (
                DELETE FROM object_changes
                WHERE resource_version <= (SELECT published_through FROM outbox_cursor WHERE id = 1) AND committed_at < now() - @retention
                RETURNING resource_version)
            UPDATE store_counter SET compacted_through = greatest(compacted_through, (SELECT max(resource_version) FROM trimmed))
            WHERE id = 1 AND EXISTS (SELECT 1 FROM trimmed)
            """, connection);
        command.Parameters.AddWithValue("retention", _options.Retention);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> TryTakeRelayLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", RelayLockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing change {Version} failed; it will be retried")]
    private static partial void LogPublishFailed(ILogger logger, long version, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
