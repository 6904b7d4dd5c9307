using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class MetadataTableTests
{
    private static readonly ResourceType Widget = new("example.com", "v1", "Widget", "widgets", true, typeof(object), []);

    [Fact]
    public void Print_Namespace_NameStatusAge()
    {
        Assert.Equal("Name:0,Status:0,Age:0", Columns(ResourceTypes.Namespace));
        var cells = Cells(ResourceTypes.Namespace, """
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default","creationTimestamp":"2024-12-01T12:00:00Z"},"status":{"phase":"Active"}}
            """);
        Assert.Equal("""["default","Active","40d"]""", cells);
    }

    [Fact]
    public void Print_Lease_HolderOrEmpty()
    {
        Assert.Equal("Name:0,Holder:0,Age:0", Columns(ResourceTypes.Lease));
        var held = Cells(ResourceTypes.Lease, $$$"""
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"kube-scheduler","creationTimestamp":"{{{Created}}}"},
             "spec":{"holderIdentity":"scheduler-1_6c1f","leaseDurationSeconds":15}}
            """);
        var free = Cells(ResourceTypes.Lease, """{"metadata":{"name":"idle","creationTimestamp":"2025-01-10T12:00:00Z"},"spec":{}}""");
        Assert.Equal("""["kube-scheduler","scheduler-1_6c1f","5m"]""", held);
        Assert.Equal("""["idle","","0s"]""", free);
    }

    [Fact]
    public void Print_KindWithoutPrinter_FallsBackToNameAndAge()
    {
        Assert.Equal("Name:0,Age:0", Columns(Widget));
        var cells = Cells(Widget, $$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","creationTimestamp":"{{{Created}}}"}}""");
        Assert.Equal("""["w1","5m"]""", cells);
    }

    [Fact]
    public void Print_MissingCreationTimestamp_AgeUnknown()
    {
        Assert.Equal("""["w2","<unknown>"]""", Cells(Widget, """{"metadata":{"name":"w2"}}"""));
    }
}
