using k8s.Models;
using PaaS.Gateway.Health;
using PaaS.Gateway.LoadBalancing;
using Yarp.ReverseProxy.Configuration;

namespace PaaS.Gateway.Routing;

/// <summary>
/// Services × Endpoints → YARP routes and clusters: one route and one cluster per exposed service port.
/// Pure, so the whole mapping is unit-tested without a proxy.
/// </summary>
internal static class GatewayConfigBuilder
{
    /// <summary>Service types the gateway exposes; ClusterIP services stay inside the platform.</summary>
    public static bool IsExposed(V1Service service) => service.Spec?.Type is "LoadBalancer" or "NodePort";

    public static GatewayConfig Build(IEnumerable<V1Service> services, IEnumerable<V1Endpoints> endpoints, string domain)
    {
        var endpointsByKey = endpoints.ToDictionary(e => (e.Namespace() ?? "", e.Name()));
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        // Sorted, so that an unchanged world gives an identical config (YARP then has nothing to apply).
        foreach (var service in services.Where(IsExposed).OrderBy(s => s.Namespace(), StringComparer.Ordinal).ThenBy(s => s.Name(), StringComparer.Ordinal))
        {
            var ns = service.Namespace() ?? "";
            var name = service.Name();
            endpointsByKey.TryGetValue((ns, name), out var serviceEndpoints);
            var ports = service.Spec.Ports ?? [];
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                var portKey = string.IsNullOrEmpty(port.Name) ? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : port.Name;
                var id = $"{ns}/{name}:{portKey}";
                var metadata = Metadata(service, portKey);
                routes.Add(new RouteConfig
                {
                    RouteId = id,
                    ClusterId = id,
                    Match = new RouteMatch { Hosts = Hosts(ns, name, port, first: i == 0, domain), Path = "/{**catch-all}" },
                    Metadata = metadata,
                });
                clusters.Add(new ClusterConfig
                {
                    ClusterId = id,
                    LoadBalancingPolicy = service.Spec.SessionAffinity == "ClientIP" ? ClientIpHashPolicy.PolicyName : Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies.RoundRobin,
                    HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = OutlierEjectionPolicy.PolicyName } },
                    Destinations = Destinations(serviceEndpoints, port.Name),
                    Metadata = metadata,
                });
            }
        }

        return new GatewayConfig(routes, clusters);
    }

    private static List<string> Hosts(string ns, string name, V1ServicePort port, bool first, string domain)
    {
        var hosts = new List<string>();
        if (first)
        {
            hosts.Add(ServiceHosts.Primary(ns, name, domain));
        }

        if (!string.IsNullOrEmpty(port.Name))
        {
            hosts.Add(ServiceHosts.ForPort(port.Name, ns, name, domain));
        }

        hosts.Add(ServiceHosts.ForPort(port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ns, name, domain));
        return hosts;
    }

    /// <summary>
    /// The ready addresses of every subset that publishes the port of this name; not-ready addresses are
    /// left out (active health is the pods' readiness). Ids are <c>ip:port</c>, stable across rebuilds, so
    /// YARP keeps a destination's health state (an ejection) when the config is rebuilt.
    /// </summary>
    private static Dictionary<string, DestinationConfig> Destinations(V1Endpoints? endpoints, string? portName)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal);
        foreach (var subset in endpoints?.Subsets ?? [])
        {
            if (subset.Ports?.FirstOrDefault(p => (p.Name ?? "") == (portName ?? "")) is not { } published)
            {
                continue;
            }

            foreach (var address in subset.Addresses ?? [])
            {
                var host = address.Ip.Contains(':', StringComparison.Ordinal) ? $"[{address.Ip}]" : address.Ip;
                var id = $"{host}:{published.Port}";
                destinations[id] = new DestinationConfig
                {
                    Address = $"http://{id}",
                    Metadata = address.TargetRef?.Name is { } pod ? new Dictionary<string, string> { ["pod"] = pod } : null,
                };
            }
        }

        return destinations;
    }

    private static Dictionary<string, string> Metadata(V1Service service, string port)
    {
        var metadata = new Dictionary<string, string>(service.Annotations() ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [RouteMetadata.Namespace] = service.Namespace() ?? "",
            [RouteMetadata.Service] = service.Name(),
            [RouteMetadata.Port] = port,
        };
        return metadata;
    }
}
