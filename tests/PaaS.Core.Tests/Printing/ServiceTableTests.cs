using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class ServiceTableTests
{
    [Fact]
    public void Columns_Service_SelectorIsWide()
    {
        Assert.Equal("Name:0,Type:0,Cluster-IP:0,External-IP:0,Port(s):0,Age:0,Selector:1", Columns(ResourceTypes.Service));
    }

    [Fact]
    public void Print_ClusterIPService_PortsAndSelector()
    {
        var cells = Cells(ResourceTypes.Service, Service(
            "ClusterIP", """ "clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],"selector":{"tier":"front","app":"web"},""",
            """[{"port":80,"protocol":"TCP"},{"port":443,"protocol":"TCP"}]"""));
        Assert.Equal("""["web","ClusterIP","10.96.0.10","<none>","80/TCP,443/TCP","5m","app=web,tier=front"]""", cells);
    }

    [Fact]
    public void Print_NodePortService_ShowsNodePortAndExternalIPs()
    {
        var cells = Cells(ResourceTypes.Service, Service(
            "NodePort", """ "clusterIP":"10.96.0.11","externalIPs":["203.0.113.5","203.0.113.6"],""",
            """[{"port":80,"nodePort":30080,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]"""));
        Assert.Equal("""["web","NodePort","10.96.0.11","203.0.113.5,203.0.113.6","80:30080/TCP,53/UDP","5m","<none>"]""", cells);
    }

    [Fact]
    public void Print_LoadBalancerWithoutIngress_IsPending()
    {
        var cells = Cells(ResourceTypes.Service, Service("LoadBalancer", """ "clusterIP":"10.96.0.12",""", """[{"port":80,"nodePort":31000,"protocol":"TCP"}]"""));
        Assert.Equal("""["web","LoadBalancer","10.96.0.12","<pending>","80:31000/TCP","5m","<none>"]""", cells);
    }

    [Fact]
    public void Print_LoadBalancerWithIngress_SortedUniqueIPsOrHostnames()
    {
        var cells = Cells(ResourceTypes.Service, Service(
            "LoadBalancer", """ "clusterIP":"10.96.0.12",""", """[{"port":80,"protocol":"TCP"}]""",
            """{"loadBalancer":{"ingress":[{"ip":"198.51.100.7"},{"hostname":"lb.example.com"},{"ip":"198.51.100.2","hostname":"ignored"},{"ip":"198.51.100.7"}]}}"""));
        Assert.Contains("\"198.51.100.2,198.51.100.7,lb.example.com\"", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_LoadBalancerWithExternalIPs_AppendsThemAfterIngress()
    {
        var cells = Cells(ResourceTypes.Service, Service(
            "LoadBalancer", """ "clusterIP":"10.96.0.12","externalIPs":["203.0.113.9"],""", """[{"port":80,"protocol":"TCP"}]""",
            """{"loadBalancer":{"ingress":[{"ip":"198.51.100.7"}]}}"""));
        Assert.Contains("\"198.51.100.7,203.0.113.9\"", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ExternalNameAndHeadless_ShowTargetAndNone()
    {
        var external = Cells(ResourceTypes.Service, Service("ExternalName", """ "externalName":"db.example.com",""", "[]"));
        var headless = Cells(ResourceTypes.Service, Service("ClusterIP", """ "clusterIP":"None","clusterIPs":["None"],""", """[{"port":5432,"protocol":"TCP"}]"""));
        Assert.Equal("""["web","ExternalName","<none>","db.example.com","<none>","5m","<none>"]""", external);
        Assert.Equal("""["web","ClusterIP","None","<none>","5432/TCP","5m","<none>"]""", headless);
    }

    [Fact]
    public void Print_Endpoints_FirstThreeThenMore()
    {
        var cells = Cells(ResourceTypes.Endpoints, Endpoints("""
            [{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"10.0.0.3"}],"ports":[{"port":80},{"port":443}]},
             {"addresses":[{"ip":"10.0.0.4"}],"ports":[{"port":80}]}]
            """));
        Assert.Equal("""["web","10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 4 more...","5m"]""", cells);
    }

    [Fact]
    public void Print_EndpointsExactlyThree_NoMoreSuffix()
    {
        var cells = Cells(ResourceTypes.Endpoints, Endpoints("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"fd00::2"},{"ip":"10.0.0.3"}],"ports":[{"port":8080}]}]"""));
        Assert.Equal("""["web","10.0.0.1:8080,[fd00::2]:8080,10.0.0.3:8080","5m"]""", cells);
    }

    [Fact]
    public void Print_EndpointsHeadlessWithoutPorts_BareAddresses()
    {
        var cells = Cells(ResourceTypes.Endpoints, Endpoints("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}]}]"""));
        Assert.Equal("""["web","10.0.0.1,10.0.0.2","5m"]""", cells);
    }

    [Fact]
    public void Print_EndpointsWithoutSubsets_IsNone()
    {
        Assert.Equal("""["web","<none>","5m"]""", Cells(ResourceTypes.Endpoints, Endpoints("[]")));
    }

    private static string Service(string type, string specExtra, string ports, string status = "{}") =>
        $$"""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default","creationTimestamp":"{{Created}}"},
         "spec":{{{specExtra}}"type":"{{type}}","ports":{{ports}}},"status":{{status}}}
        """;

    private static string Endpoints(string subsets) =>
        $$"""
        {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web","namespace":"default","creationTimestamp":"{{Created}}"},"subsets":{{subsets}}}
        """;
}
