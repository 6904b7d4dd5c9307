using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace PaaS.ApiServer.Audit;

/// <summary>Audit settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>How long records are kept (default 90 days).</summary>
    public int RetentionDays { get; set; } = 90;
}

/// <summary>
/// Stores queued <see cref="AuditEvent"/>s in batches with PostgreSQL's binary COPY, and trims records
/// past the retention period hourly. On shutdown it drains the queue before stopping.
/// </summary>
internal sealed partial class AuditWriter(AuditLog log, NpgsqlDataSource dataSource, IOptions<AuditOptions> options, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    private DateTimeOffset _nextTrim = DateTimeOffset.MinValue;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEvent>(BatchSize);
        // Runs until the queue is completed and empty, so a clean stop loses nothing.
        while (await log.Pending.WaitToReadAsync(CancellationToken.None))
        {
            // Gather for a moment: one COPY (and one commit) per batch instead of one per request.
            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(BatchWindow, CancellationToken.None);
            }

            while (batch.Count < BatchSize && log.Pending.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await WriteAsync(batch);
                batch.Clear();
                await TrimAsync();
            }
            catch (NpgsqlException e)
            {
                // The database is away: keep the batch and try again shortly.
                LogWriteFailed(logger, e, batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(List<AuditEvent> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY audit_events (time, \"user\", verb, resource, subresource, namespace, name, request_uri, source_ip, user_agent, code, message) FROM STDIN (FORMAT BINARY)");
        foreach (var e in batch)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(e.Time, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(e.User, NpgsqlDbType.Text);
            await writer.WriteAsync(e.Verb, NpgsqlDbType.Text);
            await writer.WriteAsync(e.Resource, NpgsqlDbType.Text);
            await WriteNullableAsync(writer, e.Subresource);
            await WriteNullableAsync(writer, e.Namespace);
            await WriteNullableAsync(writer, e.Name);
            await writer.WriteAsync(e.RequestUri, NpgsqlDbType.Text);
            await WriteNullableAsync(writer, e.SourceIp);
            await WriteNullableAsync(writer, e.UserAgent);
            await writer.WriteAsync(e.Code, NpgsqlDbType.Integer);
            await WriteNullableAsync(writer, e.Message);
        }

        await writer.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlDbType.Text);

    private async Task TrimAsync()
    {
        if (DateTimeOffset.UtcNow < _nextTrim)
        {
            return;
        }

        _nextTrim = DateTimeOffset.UtcNow.AddHours(1);
        await using var command = dataSource.CreateCommand("DELETE FROM audit_events WHERE time < @before");
        command.Parameters.AddWithValue("before", DateTimeOffset.UtcNow.AddDays(-options.Value.RetentionDays));
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} audit records; retrying")]
    private static partial void LogWriteFailed(ILogger logger, Exception e, int count);
}
