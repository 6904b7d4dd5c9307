using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class NodeTableTests
{
    private const string NodeInfo =
        """{"kubeletVersion":"v1.32.4","osImage":"Ubuntu 24.04.1 LTS","kernelVersion":"6.8.0-45-generic","containerRuntimeVersion":"containerd://1.7.22"}""";

    [Fact]
    public void Columns_Node_DefaultAndWideLikeKubectl()
    {
        Assert.Equal(
            "Name:0,Status:0,Roles:0,Age:0,Version:0,Internal-IP:1,External-IP:1,OS-Image:1,Kernel-Version:1,Container-Runtime:1",
            Columns(ResourceTypes.Node));
    }

    [Fact]
    public void Print_ReadyControlPlane_AllCells()
    {
        var cells = Cells(ResourceTypes.Node, Node(
            """{"node-role.kubernetes.io/control-plane":"","kubernetes.io/hostname":"n1"}""", "",
            """[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}]""",
            """[{"type":"Hostname","address":"n1"},{"type":"InternalIP","address":"192.168.1.10"}]""", NodeInfo));
        Assert.Equal(
            """["n1","Ready","control-plane","5m","v1.32.4","192.168.1.10","<none>","Ubuntu 24.04.1 LTS","6.8.0-45-generic","containerd://1.7.22"]""",
            cells);
    }

    [Fact]
    public void Print_NotReadyCordoned_AppendsSchedulingDisabled()
    {
        var cells = Cells(ResourceTypes.Node, Node("{}", "\"unschedulable\":true", """[{"type":"Ready","status":"False"}]""", "[]", NodeInfo));
        Assert.StartsWith("""["n1","NotReady,SchedulingDisabled","<none>",""", cells, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "Unknown")]
    [InlineData("""[{"type":"Ready","status":"Unknown"}]""", "NotReady")]
    public void Print_ReadyConditionMissingOrUnknown_StatusFromKubernetesRules(string conditions, string expected)
    {
        var cells = Cells(ResourceTypes.Node, Node("{}", "", conditions, "[]", NodeInfo));
        Assert.StartsWith($$"""["n1","{{expected}}",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_SeveralRoleLabels_SortedAndDeduplicated()
    {
        var cells = Cells(ResourceTypes.Node, Node(
            """{"node-role.kubernetes.io/worker":"","node-role.kubernetes.io/control-plane":"true","kubernetes.io/role":"worker","node-role.kubernetes.io/":""}""",
            "", "[]", "[]", NodeInfo));
        Assert.Contains("\"control-plane,worker\"", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_NoNodeInfo_WideCellsUnknownAndNone()
    {
        var cells = Cells(ResourceTypes.Node, Node("{}", "", "[]", """[{"type":"ExternalIP","address":"203.0.113.4"}]""", "{}"));
        Assert.Equal("""["n1","Unknown","<none>","5m","","<none>","203.0.113.4","<unknown>","<unknown>","<unknown>"]""", cells);
    }

    private static string Node(string labels, string spec, string conditions, string addresses, string nodeInfo) =>
        $$$"""
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","labels":{{{labels}}},"creationTimestamp":"{{{Created}}}"},
         "spec":{{{{spec}}}},"status":{"conditions":{{{conditions}}},"addresses":{{{addresses}}},"nodeInfo":{{{nodeInfo}}}}}
        """;
}
