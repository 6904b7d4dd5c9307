using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaaS.ApiServer.Tenancy;

/// <summary>The connection string of the notification listener: the store's, unpooled.</summary>
internal sealed record NotificationConnection(string ConnectionString);

/// <summary>
/// Listens for the database's <c>paas_tenancy</c> and <c>paas_tokens</c> notifications (sent in the same
/// transaction as the write, so delivered only once it commits) and invalidates the in-memory caches of
/// every API server instance. A revoked token therefore stops working everywhere within milliseconds.
/// </summary>
internal sealed partial class DatabaseNotifications(NotificationConnection listener, CacheInvalidation invalidation, ILogger<DatabaseNotifications> logger) : BackgroundService
{
    public const string TenancyChannel = "paas_tenancy";
    public const string TokensChannel = "paas_tokens";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, outside the pool: LISTEN is session state no other user may inherit.
                await using var connection = new NpgsqlConnection(listener.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == TokensChannel)
                    {
                        invalidation.TokensChanged();
                    }
                    else
                    {
                        invalidation.TenancyChanged();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {TenancyChannel}; LISTEN {TokensChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                invalidation.SetListening(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException)
            {
                // Until we listen again, nothing cached can be trusted: caches fall back to the database.
                invalidation.SetListening(false);
                LogListenFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the database notification channel; caches are bypassed until it is back")]
    private static partial void LogListenFailed(ILogger logger, Exception e);
}
