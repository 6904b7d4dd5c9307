using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class TenancyTableTests
{
    [Fact]
    public void Columns_LikeKubectl()
    {
        Assert.Equal("Name:0,Data:0,Age:0", Columns(ResourceTypes.ConfigMap));
        Assert.Equal("Name:0,Type:0,Data:0,Age:0", Columns(ResourceTypes.Secret));
        Assert.Equal("Name:0,Age:0,Request:0,Limit:0", Columns(ResourceTypes.ResourceQuota));
        Assert.Equal("Name:0,Created At:0", Columns(ResourceTypes.LimitRange));
        Assert.Equal("Name:0,Members:0,Namespaces:0,Age:0", Columns(ResourceTypes.Team));
    }

    [Fact]
    public void Print_ConfigMap_CountsDataAndBinaryDataKeys()
    {
        var cells = Cells(ResourceTypes.ConfigMap, $$$"""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","creationTimestamp":"{{{Created}}}"},
             "data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}
            """);

        Assert.Equal("""["settings",3,"5m"]""", cells);
    }

    [Fact]
    public void Print_EmptyConfigMap_ZeroData() =>
        Assert.Equal("""["empty",0,"5m"]""", Cells(ResourceTypes.ConfigMap,
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"empty","creationTimestamp":"{{{Created}}}"}}"""));

    [Fact]
    public void Print_Secret_TypeAndKeyCountNeverValues()
    {
        var cells = Cells(ResourceTypes.Secret, $$$"""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"tls","creationTimestamp":"{{{Created}}}"},
             "type":"kubernetes.io/tls","data":{"tls.crt":"Y2VydA==","tls.key":"a2V5"}}
            """);

        Assert.Equal("""["tls","kubernetes.io/tls",2,"5m"]""", cells);
    }

    [Fact]
    public void Print_ResourceQuota_UsedOverHardSplitIntoRequestAndLimit()
    {
        var cells = Cells(ResourceTypes.ResourceQuota, $$$"""
            {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"compute","creationTimestamp":"{{{Created}}}"},
             "spec":{"hard":{"pods":"10"}},
             "status":{"hard":{"requests.cpu":"2","pods":"10","limits.memory":"2Gi","limits.cpu":"4","count/deployments.apps":"5"},
                       "used":{"requests.cpu":"500m","pods":"3","limits.cpu":"1"} } }
            """);

        Assert.Equal(
            """["compute","5m","count/deployments.apps: 0/5, pods: 3/10, requests.cpu: 500m/2","limits.cpu: 1/4, limits.memory: 0/2Gi"]""",
            cells);
    }

    [Fact]
    public void Print_ResourceQuotaWithoutStatus_EmptyColumns() =>
        Assert.Equal("""["q","5m","",""]""", Cells(ResourceTypes.ResourceQuota,
            $$$"""{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","creationTimestamp":"{{{Created}}}"},"spec":{"hard":{"pods":"1"} } }"""));

    [Fact]
    public void Print_LimitRange_CreationTimestampInUtc()
    {
        Assert.Equal("""["lr","2025-01-10T11:55:00Z"]""", Cells(ResourceTypes.LimitRange,
            """{"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"lr","creationTimestamp":"2025-01-10T12:55:00+01:00"}}"""));
        Assert.Equal("""["new",null]""", Cells(ResourceTypes.LimitRange, """{"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"new"}}"""));
    }

    [Fact]
    public void Print_Team_MemberCountAndNamespaces()
    {
        var cells = Cells(ResourceTypes.Team, $$$"""
            {"apiVersion":"paas.dev/v1","kind":"Team","metadata":{"name":"payments","creationTimestamp":"{{{Created}}}"},
             "spec":{"members":[{"name":"alice","role":"owner"},{"name":"bob","role":"viewer"}]},
             "status":{"namespaces":["payments-dev","payments-prod"]}}
            """);

        Assert.Equal("""["payments",2,"payments-dev,payments-prod","5m"]""", cells);
    }

    [Fact]
    public void Print_TeamWithoutNamespaces_None() =>
        Assert.Equal("""["new",0,"<none>","5m"]""", Cells(ResourceTypes.Team,
            $$$"""{"apiVersion":"paas.dev/v1","kind":"Team","metadata":{"name":"new","creationTimestamp":"{{{Created}}}"},"spec":{}}"""));
}
