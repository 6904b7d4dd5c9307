using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaaS.Core.Logs;

namespace PaaS.ApiServer.Logs;

/// <summary>Deletes log lines older than <see cref="LogOptions.Retention"/>, every <see cref="LogOptions.RetentionInterval"/>.</summary>
internal sealed partial class LogRetention(LogStore store, IOptions<LogOptions> options, TimeProvider time, ILogger<LogRetention> logger) : BackgroundService
{
    /// <summary>One pass: deletes what is older than the retention now; returns the lines deleted.</summary>
    public Task<long> PruneAsync(CancellationToken ct) =>
        store.DeleteOlderThanAsync(LogTimestamp.FromDateTimeOffset(time.GetUtcNow() - options.Value.Retention), ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(logger, deleted);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The next pass deletes what this one could not.
                LogPruneFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} log lines older than the retention")]
    private static partial void LogPruned(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired log lines failed")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
