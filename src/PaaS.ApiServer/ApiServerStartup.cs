using k8s.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Objects;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tenancy;
using PaaS.Core.Resources;

namespace PaaS.ApiServer;

/// <summary>
/// Runs before the API listens: migrates the schema, creates the bootstrap admin, and makes sure the
/// <c>default</c> namespace exists, after rebuilding the quota ledger from the objects (kubectl's default context namespace). Waits for PostgreSQL to come up.
/// </summary>
internal sealed partial class ApiServerStartup(
    IDbContextFactory<PaasDbContext> contexts,
    BootstrapIdentity bootstrap,
    ObjectService objects,
    UsageLedger ledger,
    IOptions<ApiServerOptions> options,
    ILogger<ApiServerStartup> logger) : IHostedService
{
    private static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await MigrateAsync(contexts, logger, cancellationToken);
        }

        await ledger.RebuildAsync(cancellationToken);
        await bootstrap.EnsureAdminAsync(cancellationToken);
        await EnsureNamespaceAsync("default", cancellationToken);
        // Where node agents keep their heartbeat Leases, as in Kubernetes.
        await EnsureNamespaceAsync("kube-node-lease", cancellationToken);
        // Where the controller manager's and the scheduler's leader-election Leases live.
        await EnsureNamespaceAsync("kube-system", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations, retrying while PostgreSQL is still starting.</summary>
    public static async Task MigrateAsync(IDbContextFactory<PaasDbContext> contexts, ILogger logger, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + DatabaseWait;
        while (true)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.Database.MigrateAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaitingForDatabase(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private async Task EnsureNamespaceAsync(string name, CancellationToken ct)
    {
        var ns = ObjectJson.ToJson(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name } });
        try
        {
            await objects.CreateAsync(ResourceTypes.Namespace, "", ns, Authorization.ObjectGuard.None, ct);
        }
        catch (ApiException e) when (e.Reason == "AlreadyExists")
        {
            // Created by an earlier start.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for PostgreSQL: {Reason}")]
    private static partial void LogWaitingForDatabase(ILogger logger, string reason);
}
