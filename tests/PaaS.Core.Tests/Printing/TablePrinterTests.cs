using System.Text.Json.Nodes;
using PaaS.Core.Printing;
using PaaS.Core.Resources;
using PaaS.Core.Tests.Serialization;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class TablePrinterTests
{
    private const string Lease = """
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
         "metadata":{"name":"l1","namespace":"kube-system","uid":"u-1","resourceVersion":"41","labels":{"a":"b"},"creationTimestamp":"2025-01-10T11:55:00Z"},
         "spec":{"holderIdentity":"h"}}
        """;

    [Fact]
    public void Print_Table_HasKubernetesEnvelope()
    {
        var table = Print(ResourceTypes.Lease, Lease);
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)table["apiVersion"]);
        Assert.Equal("""{"resourceVersion":"42"}""", JsonText.Of(table["metadata"]));
        Assert.Equal(["kind", "apiVersion", "metadata", "columnDefinitions", "rows"], table.Select(p => p.Key));
    }

    [Fact]
    public void Print_ColumnDefinition_WritesEveryFieldLikeGo()
    {
        var columns = Print(ResourceTypes.Lease)["columnDefinitions"]!.AsArray();
        Assert.Equal(
            """{"name":"Holder","type":"string","format":"","description":"holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.","priority":0}""",
            JsonText.Of(columns[1]));
        Assert.Equal("name", (string?)columns[0]!["format"]);
        Assert.StartsWith("Name must be unique within a namespace.", (string?)columns[0]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void Print_EmptyList_HasEmptyRowsArray()
    {
        var table = Print(ResourceTypes.Pod);
        Assert.Equal("[]", JsonText.Of(table["rows"]));
        Assert.Equal(9, table["columnDefinitions"]!.AsArray().Count);
    }

    [Fact]
    public void Print_EmptyResourceVersion_OmitsIt()
    {
        var table = TablePrinter.Print(ResourceTypes.Lease, [], "", "Metadata", Now);
        Assert.Equal("{}", JsonText.Of(table["metadata"]));
    }

    [Theory]
    [InlineData("Metadata")]
    [InlineData("")]
    public void Print_IncludeMetadata_RowCarriesPartialObjectMetadata(string includeObject)
    {
        var row = PrintWith(ResourceTypes.Lease, includeObject, Lease)["rows"]![0]!;
        Assert.Equal(
            """{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"l1","namespace":"kube-system","uid":"u-1","resourceVersion":"41","labels":{"a":"b"},"creationTimestamp":"2025-01-10T11:55:00Z"}}""",
            JsonText.Of(row["object"]));
        Assert.Equal(["cells", "object"], row.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Print_IncludeObject_RowCarriesFullObject()
    {
        var row = PrintWith(ResourceTypes.Lease, "Object", Lease)["rows"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Lease), row["object"]));
    }

    [Fact]
    public void Print_IncludeObjectWithoutTypeMeta_FillsKindAndApiVersion()
    {
        var row = PrintWith(ResourceTypes.Lease, "Object", """{"metadata":{"name":"l1"},"spec":{}}""")["rows"]![0]!;
        Assert.Equal("""{"kind":"Lease","apiVersion":"coordination.k8s.io/v1","metadata":{"name":"l1"},"spec":{}}""", JsonText.Of(row["object"]));
    }

    [Fact]
    public void Print_IncludeNone_ObjectIsNullLikeGoRawExtension()
    {
        var row = PrintWith(ResourceTypes.Lease, "None", Lease)["rows"]![0]!.AsObject();
        Assert.True(row.ContainsKey("object"));
        Assert.Null(row["object"]);
        Assert.Equal("""{"cells":["l1","h","5m"],"object":null}""", JsonText.Of(row));
    }

    [Fact]
    public void Print_UnknownIncludeObject_ThrowsWithKubernetesMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => PrintWith(ResourceTypes.Lease, "Everything", Lease));
        Assert.StartsWith("unrecognized includeObject value: \"Everything\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_SeveralObjects_RowsInInputOrder()
    {
        var table = Print(ResourceTypes.Namespace, """{"metadata":{"name":"b"}}""", """{"metadata":{"name":"a"}}""");
        Assert.Equal("""["b","","<unknown>"]""", CellsOf(table, 0));
        Assert.Equal("""["a","","<unknown>"]""", CellsOf(table, 1));
    }

    [Fact]
    public void Print_InputObjects_AreNotModified()
    {
        var lease = JsonNode.Parse(Lease)!.AsObject();
        var before = lease.ToJsonString();
        TablePrinter.Print(ResourceTypes.Lease, [lease], "1", "Object", Now);
        TablePrinter.Print(ResourceTypes.Lease, [lease], "1", "Metadata", Now);
        Assert.Equal(before, lease.ToJsonString());
    }

    [Fact]
    public void Print_WideColumns_CellCountMatchesColumnsForEveryKind()
    {
        foreach (var type in ResourceTypes.All)
        {
            var table = Print(type, """{"metadata":{"name":"x"}}""");
            Assert.Equal(table["columnDefinitions"]!.AsArray().Count, table["rows"]![0]!["cells"]!.AsArray().Count);
        }
    }

    [Fact]
    public void Print_Table_SerializesAsKubectlExpects()
    {
        var json = Print(ResourceTypes.Lease, Lease).ToJsonString();
        Assert.StartsWith("""{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"42"},"columnDefinitions":[{"name":"Name","type":"string","format":"name",""", json, StringComparison.Ordinal);
    }
}
