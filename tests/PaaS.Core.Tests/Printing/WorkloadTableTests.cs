using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class WorkloadTableTests
{
    private const string Template =
        """ "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"},{"name":"log","image":"busybox"}]}}""";

    [Fact]
    public void Columns_Deployment_DefaultAndWideLikeKubectl()
    {
        Assert.Equal(
            "Name:0,Ready:0,Up-to-date:0,Available:0,Age:0,Containers:1,Images:1,Selector:1",
            Columns(ResourceTypes.Deployment));
    }

    [Fact]
    public void Columns_ReplicaSet_DefaultAndWideLikeKubectl()
    {
        Assert.Equal(
            "Name:0,Desired:0,Current:0,Ready:0,Age:0,Containers:1,Images:1,Selector:1",
            Columns(ResourceTypes.ReplicaSet));
    }

    [Fact]
    public void Print_Deployment_ReadyFractionAndIntegerCounts()
    {
        var cells = Cells(ResourceTypes.Deployment, Workload(
            "Deployment", "web", """{"matchLabels":{"app":"web","tier":"front"}}""", 3,
            """{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}"""));
        Assert.Equal("""["web","2/3",3,2,"5m","nginx,log","nginx:1.27,busybox","app=web,tier=front"]""", cells);
    }

    [Fact]
    public void Print_DeploymentWithoutStatus_CountsZero()
    {
        var cells = Cells(ResourceTypes.Deployment, Workload("Deployment", "web", """{"matchLabels":{"app":"web"}}""", 0, "{}"));
        Assert.StartsWith("""["web","0/0",0,0,"5m",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_DeploymentSelectorExpressions_SortedLikeLabelsSelectorString()
    {
        var cells = Cells(ResourceTypes.Deployment, Workload(
            "Deployment", "web",
            """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["db","cache"]},{"key":"canary","operator":"DoesNotExist"}]}""",
            1, "{}"));
        Assert.EndsWith("\"app=web,!canary,tier in (cache,db)\"]", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_DeploymentInvalidSelector_PrintsInvalid()
    {
        var cells = Cells(ResourceTypes.Deployment, Workload(
            "Deployment", "web", """{"matchExpressions":[{"key":"tier","operator":"Near","values":["x"]}]}""", 1, "{}"));
        Assert.EndsWith("\"<invalid>\"]", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ReplicaSet_IntegerCountsAndSelector()
    {
        var cells = Cells(ResourceTypes.ReplicaSet, Workload(
            "ReplicaSet", "web-5d4f", """{"matchLabels":{"app":"web","pod-template-hash":"5d4f"}}""", 3,
            """{"replicas":3,"readyReplicas":1}"""));
        Assert.Equal("""["web-5d4f",3,3,1,"5m","nginx,log","nginx:1.27,busybox","app=web,pod-template-hash=5d4f"]""", cells);
    }

    [Fact]
    public void Print_ReplicaSetEmptySelector_PrintsNone()
    {
        var cells = Cells(ResourceTypes.ReplicaSet, Workload("ReplicaSet", "rs", "{}", 2, "{}"));
        Assert.EndsWith("\"<none>\"]", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ReplicasNotStored_DefaultsToOne()
    {
        var json = """
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs","creationTimestamp":"2025-01-10T11:55:00Z"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[]}}}}
            """;
        Assert.Equal("""["rs",1,0,0,"5m","","","app=web"]""", Cells(ResourceTypes.ReplicaSet, json));
    }

    private static string Workload(string kind, string name, string selector, int replicas, string status) =>
        $$"""
        {"apiVersion":"apps/v1","kind":"{{kind}}",
         "metadata":{"name":"{{name}}","namespace":"default","creationTimestamp":"{{Created}}"},
         "spec":{"replicas":{{replicas}},"selector":{{selector}},{{Template}}},
         "status":{{status}}}
        """;
}
