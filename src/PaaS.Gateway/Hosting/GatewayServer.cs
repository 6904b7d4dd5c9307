using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Gateway.Configuration;
using PaaS.Gateway.Governance;
using PaaS.Gateway.Health;
using PaaS.Gateway.LoadBalancing;
using PaaS.Gateway.Metrics;
using PaaS.Gateway.Proxy;
using PaaS.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace PaaS.Gateway.Hosting;

/// <summary>
/// The proxy as a web application of its own inside the process, on <see cref="GatewayOptions.ListenUrl"/>.
/// Not endpoints on the host's application: the API server's middleware (audit, authentication, its
/// Status-shaped errors, its request-size limits) must not run on app traffic, and the API's paths must
/// not be reachable through the edge listener. The two share the routes' source, metrics and logging.
/// </summary>
internal sealed class GatewayServer(
    IOptions<GatewayOptions> options, GatewayConfigProvider routes, GatewayMetrics metrics, AccessLog accessLog,
    IEnumerable<IServiceMiddleware> governance, ILoggerFactory loggers, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Empty: no configuration sources, so nothing meant for the host (urls, Kestrel endpoints) leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(settings.ListenUrl);
        builder.Services.AddRouting();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<IProxyConfigProvider>(routes);
        builder.Services.AddReverseProxy().AddTransforms(RetryableResponses.Add);
        builder.Services.AddSingleton<ILoadBalancingPolicy, ClientIpHashPolicy>();
        builder.Services.AddSingleton(new OutlierEjectionOptions());
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, OutlierEjectionPolicy>();
        _app = builder.Build();
        // The services' own governance (their gateway.paas.dev/* annotations) first.
        var governed = new GovernanceMiddleware(new ServicePolicies(time));
        GatewayPipeline.Map(_app, settings, metrics, accessLog, [governed, .. governance]);
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
