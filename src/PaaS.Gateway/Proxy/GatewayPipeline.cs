using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaaS.Gateway.Configuration;
using PaaS.Gateway.Metrics;
using PaaS.Gateway.Routing;

namespace PaaS.Gateway.Proxy;

/// <summary>What the gateway's listener serves: service routes, then metrics, then a 404 naming the URL forms.</summary>
internal static class GatewayPipeline
{
    public static void Map(WebApplication app, GatewayOptions options, GatewayMetrics metrics, AccessLog accessLog, IReadOnlyList<IServiceMiddleware> governance)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use((HttpContext context, RequestDelegate next) => MeasureAsync(context, next, metrics, accessLog));
            proxy.Use((HttpContext context, RequestDelegate next) => RequireReadyEndpointsAsync(context, next));
            foreach (var middleware in governance)
            {
                proxy.Use((HttpContext context, RequestDelegate next) => RouteOf(context) is { } service ? middleware.InvokeAsync(context, service, next) : next(context));
            }

            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        // Order 1: a service route (order 0) wins for its own hosts, so an app's own /metrics stays the app's.
        app.MapGet(options.MetricsPath, () => Results.Text(metrics.Render(), GatewayMetrics.ContentType)).WithOrder(1);
        app.MapFallback((HttpContext context) => Results.Text(
            $"no service is served at host \"{context.Request.Host.Host}\"; services of type LoadBalancer or NodePort are reached at {ServiceHosts.Forms(options.AppsDomain)}\n",
            statusCode: StatusCodes.Status404NotFound));
    }

    private static ServiceRoute? RouteOf(HttpContext context) => RouteMetadata.ServiceOf(context.GetReverseProxyFeature().Route.Config);

    private static async Task MeasureAsync(HttpContext context, RequestDelegate next, GatewayMetrics metrics, AccessLog accessLog)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (RouteOf(context) is { } service)
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                var status = context.Response.StatusCode;
                metrics.Record(service.Namespace, service.Name, status, elapsed);
                if (accessLog.Enabled)
                {
                    var feature = context.GetReverseProxyFeature();
                    accessLog.Offer(new AccessLogEntry(service.Key, context.Request.Method, context.Request.Host.Value ?? "", context.Request.Path.Value ?? "",
                        status, feature.ProxiedDestination?.DestinationId, context.Connection.RemoteIpAddress?.ToString(), elapsed.TotalMilliseconds));
                }
            }
        }
    }

    /// <summary>A known service whose pods are not ready is a 503 that says so, not YARP's empty one.</summary>
    private static Task RequireReadyEndpointsAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetReverseProxyFeature().AvailableDestinations.Count > 0 || RouteOf(context) is not { } service)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"no ready endpoints for service {service.Key}\n");
    }
}
