using Yarp.ReverseProxy.Configuration;

namespace PaaS.Gateway.Routing;

/// <summary>One immutable generation of the proxy's routes and clusters.</summary>
internal sealed record GatewayConfig(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters)
{
    public static readonly GatewayConfig Empty = new([], []);
}
