using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Audit;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Logs;
using PaaS.ApiServer.Namespaces;
using PaaS.ApiServer.Objects;
using PaaS.ApiServer.Outbox;
using PaaS.ApiServer.Secrets;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tenancy;
using PaaS.ApiServer.Watch;

namespace PaaS.ApiServer;

/// <summary>Registers and maps the API role.</summary>
public static class ApiServerRegistration
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Database=paas;Username=postgres;Password=postgres;Maximum Pool Size=64";

    public static IServiceCollection AddApiServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiServerOptions>(configuration.GetSection(ApiServerOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        var connectionString = configuration.GetConnectionString("Postgres") ?? DefaultConnectionString;
        // Nothing here changes session state (the notification listener has its own unpooled connection), so
        // pooled connections skip Npgsql's DISCARD ALL on return: it would also throw away every cached
        // plan of the write functions, which PostgreSQL would then re-plan on every write.
        var store = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        services.AddSingleton(_ => NpgsqlDataSource.Create(store.ConnectionString));
        services.AddSingleton(new NotificationConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString));
        services.AddDbContextFactory<PaasDbContext>((sp, db) => db
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention());

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<NamespaceFinalizerSignal>();
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AuditWriter>();
        services.AddSingleton<CacheInvalidation>();
        services.AddHostedService<DatabaseNotifications>();
        services.AddSingleton<TenancyCache>();
        services.AddSingleton<NamespacePolicies>();
        services.AddSingleton<PodAdmission>();
        services.AddSingleton<QuotaStatus>();
        services.AddSingleton<UsageLedger>();
        services.AddSingleton<Authorizer>();
        services.AddSingleton<FencingCheck>();
        services.AddSingleton<SecretEncryption>();
        services.AddSingleton<ObjectStore>();
        services.AddSingleton<ObjectService>();
        services.AddSingleton<PatchService>();
        services.AddSingleton<ServerSideApply>();
        services.AddSingleton<IdentityService>();
        services.AddSingleton<BootstrapIdentity>();
        services.AddHostedService<ApiServerStartup>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<NamespaceFinalizer>();
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        services.AddLogs(configuration);

        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        var apiOptions = configuration.GetSection(ApiServerOptions.Section).Get<ApiServerOptions>() ?? new ApiServerOptions();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            // The API refuses bodies over 3 MiB itself (413 with a Status); Kestrel's own limit is higher so
            // that it can still drain a somewhat larger body and deliver that 413 instead of resetting the
            // connection under a client that is still sending.
            kestrel.Limits.MaxRequestBodySize = 4L * RequestBodyReader.MaxBodyBytes;
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = ServingCertificate.LoadOrCreate(apiOptions.HomeDirectory, apiOptions.CertificateHosts));
        });
        return services;
    }

    public static WebApplication MapApiServer(this WebApplication app)
    {
        // Audit wraps everything, so it records the final status code of every write.
        app.Use(app.Services.GetRequiredService<AuditLog>().Middleware);
        app.Use(StatusResults.Middleware);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDiscoveryApi();
        app.MapResourceApi();
        app.MapAccessReviewApi();
        app.MapIdentityApi();
        app.MapAuditApi();
        app.MapLogsApi();
        // Unknown paths answer like Kubernetes: a Status, not an empty 404.
        app.MapFallback((HttpContext context) => StatusResults.WriteAsync(context,
            new ApiException(System.Net.HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource")));
        return app;
    }
}
