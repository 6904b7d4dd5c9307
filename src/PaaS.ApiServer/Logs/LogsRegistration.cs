using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaaS.ApiServer.Logs;

/// <summary>The log store: node agents' ingest and cursors, <c>kubectl logs</c>, retention.</summary>
internal static class LogsRegistration
{
    public static IServiceCollection AddLogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LogOptions>(configuration.GetSection(LogOptions.Section));
        services.AddSingleton<LogStore>();
        services.AddSingleton<LogRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<LogRetention>());
        return services;
    }

    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app) => app.MapNodeLogApi().MapPodLogApi();
}
