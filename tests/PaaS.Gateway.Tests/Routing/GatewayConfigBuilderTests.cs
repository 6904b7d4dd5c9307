using k8s.Models;
using PaaS.Gateway.Health;
using PaaS.Gateway.LoadBalancing;
using PaaS.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;
using static PaaS.Gateway.Tests.Objects;

namespace PaaS.Gateway.Tests.Routing;

public sealed class GatewayConfigBuilderTests
{
    private const string Domain = "apps.localhost";

    [Fact]
    public void Build_SinglePortService_RoutesServiceHostAndPortHostsToReadyEndpoints()
    {
        var config = GatewayConfigBuilder.Build(
            [Service("web")],
            [Endpoints("web", "http", ("web-1", 40001, true), ("web-2", 40002, true), ("web-3", 40003, false))],
            Domain);

        var route = Assert.Single(config.Routes);
        Assert.Equal(["web.team-a.apps.localhost", "http.web.team-a.apps.localhost", "80.web.team-a.apps.localhost"], route.Match.Hosts);
        var cluster = Assert.Single(config.Clusters);
        Assert.Equal(route.ClusterId, cluster.ClusterId);
        // The not-ready pod gets no traffic.
        Assert.Equal(["127.0.0.1:40001", "127.0.0.1:40002"], cluster.Destinations!.Keys.Order());
        Assert.Equal("http://127.0.0.1:40001", cluster.Destinations["127.0.0.1:40001"].Address);
        Assert.Equal("RoundRobin", cluster.LoadBalancingPolicy);
        Assert.Equal(OutlierEjectionPolicy.PolicyName, cluster.HealthCheck!.Passive!.Policy);
    }

    [Fact]
    public void Build_MultiPortService_OnlyTheFirstPortGetsTheServiceHost_EachPortItsOwnEndpoints()
    {
        var config = GatewayConfigBuilder.Build(
            [Service("app", ports: [("http", 80), ("admin", 9090)])],
            [new V1Endpoints
            {
                Metadata = new V1ObjectMeta { Name = "app", NamespaceProperty = "team-a" },
                Subsets = [new V1EndpointSubset
                {
                    Addresses = [new V1EndpointAddress { Ip = "10.0.0.5" }],
                    Ports = [new Corev1EndpointPort { Name = "http", Port = 40001 }, new Corev1EndpointPort { Name = "admin", Port = 40002 }],
                }],
            }],
            Domain);

        Assert.Equal(2, config.Routes.Count);
        Assert.Equal(["app.team-a.apps.localhost", "http.app.team-a.apps.localhost", "80.app.team-a.apps.localhost"], config.Routes[0].Match.Hosts);
        Assert.Equal(["admin.app.team-a.apps.localhost", "9090.app.team-a.apps.localhost"], config.Routes[1].Match.Hosts);
        Assert.Equal(["10.0.0.5:40001"], Cluster(config, config.Routes[0]).Destinations!.Keys);
        Assert.Equal(["10.0.0.5:40002"], Cluster(config, config.Routes[1]).Destinations!.Keys);
    }

    [Fact]
    public void Build_NoReadyEndpoints_KeepsTheRouteWithAnEmptyCluster()
    {
        // The route must stay, so the proxy answers 503 naming the service rather than a 404 for an unknown host.
        var config = GatewayConfigBuilder.Build([Service("web")], [Endpoints("web", "http", ("web-1", 40001, false))], Domain);

        Assert.Single(config.Routes);
        Assert.Empty(Assert.Single(config.Clusters).Destinations!);
    }

    [Fact]
    public void Build_ServiceWithoutEndpointsObject_KeepsTheRouteWithAnEmptyCluster()
    {
        var config = GatewayConfigBuilder.Build([Service("web", type: "NodePort")], [], Domain);

        Assert.Single(config.Routes);
        Assert.Empty(Assert.Single(config.Clusters).Destinations!);
    }

    [Fact]
    public void Build_ClusterIpService_IsNotExposed()
    {
        var config = GatewayConfigBuilder.Build([Service("internal", type: "ClusterIP")], [Endpoints("internal", "http", ("p", 40001, true))], Domain);

        Assert.Empty(config.Routes);
        Assert.Empty(config.Clusters);
    }

    [Fact]
    public void Build_UnnamedPort_MatchesUnnamedEndpointPortAndIsReachedByNumber()
    {
        var config = GatewayConfigBuilder.Build([Service("web", ports: [(null, 8080)])], [Endpoints("web", null, ("web-1", 40001, true))], Domain);

        var route = Assert.Single(config.Routes);
        Assert.Equal(["web.team-a.apps.localhost", "8080.web.team-a.apps.localhost"], route.Match.Hosts);
        Assert.Equal(["127.0.0.1:40001"], Assert.Single(config.Clusters).Destinations!.Keys);
    }

    [Fact]
    public void Build_ClientIpAffinity_UsesTheClientIpHashPolicy()
    {
        var config = GatewayConfigBuilder.Build([Service("web", affinity: "ClientIP")], [], Domain);

        Assert.Equal(ClientIpHashPolicy.PolicyName, Assert.Single(config.Clusters).LoadBalancingPolicy);
    }

    [Fact]
    public void Build_RouteMetadata_NamesTheServiceAndCarriesItsAnnotations()
    {
        var config = GatewayConfigBuilder.Build([Service("web")], [], Domain);

        var service = RouteMetadata.ServiceOf(Assert.Single(config.Routes));
        Assert.Equal(new ServiceRoute("team-a", "web", "http", service!.Annotations), service);
        Assert.Equal("team-a/web", service.Key);
        Assert.Equal("10", service.Annotations["paas.dev/rate-limit"]);
    }

    [Fact]
    public void Build_SameInput_GivesAnEqualConfig()
    {
        // YARP applies nothing when a rebuild is equal to what it serves; a relist of an unchanged world must be one.
        GatewayConfig Build() => GatewayConfigBuilder.Build([Service("b"), Service("a")], [Endpoints("a", "http", ("a-1", 40001, true))], Domain);

        var (first, second) = (Build(), Build());
        Assert.Equal(first.Routes, second.Routes);
        Assert.Equal(first.Clusters, second.Clusters);
    }

    private static ClusterConfig Cluster(GatewayConfig config, RouteConfig route) => config.Clusters.Single(c => c.ClusterId == route.ClusterId);
}
