using Yarp.ReverseProxy.Configuration;

namespace PaaS.Gateway.Routing;

/// <summary>
/// Keys of the metadata every gateway route and cluster carries, so that per-service governance
/// (rate limits, retries, circuit breaking, timeouts, canary weights) can find the service and its
/// annotations without another API call. Service annotations are copied under their own keys.
/// </summary>
public static class RouteMetadata
{
    public const string Namespace = "gateway.paas.dev/namespace";
    public const string Service = "gateway.paas.dev/service";
    public const string Port = "gateway.paas.dev/port";

    /// <summary>The service a route serves (cached per route config, so the hot path does not re-parse metadata).</summary>
    public static ServiceRoute? ServiceOf(RouteConfig route) =>
        route.Metadata is { } metadata && metadata.ContainsKey(Service) ? Cache.GetValue(route, static r => ServiceRoute.From(r.Metadata!)) : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RouteConfig, ServiceRoute> Cache = new();
}
