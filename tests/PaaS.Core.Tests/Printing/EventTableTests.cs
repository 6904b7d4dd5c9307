using PaaS.Core.Resources;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class EventTableTests
{
    [Fact]
    public void Columns_Event_OrderAndPrioritiesLikeKubectlGetEvents()
    {
        Assert.Equal(
            "Last Seen:0,Type:0,Reason:0,Object:0,Subobject:1,Source:1,Message:0,First Seen:1,Count:1,Name:1",
            Columns(ResourceTypes.Event));
    }

    [Fact]
    public void Columns_EventName_KeepsNameFormat()
    {
        var name = Print(ResourceTypes.Event)["columnDefinitions"]![9]!;
        Assert.Equal("name", (string?)name["format"]);
    }

    [Fact]
    public void Print_LegacyEvent_AllCells()
    {
        var cells = Cells(ResourceTypes.Event, """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"web.17f3","namespace":"default","creationTimestamp":"2025-01-10T11:00:00Z"},
             "involvedObject":{"kind":"Pod","name":"web","namespace":"default","fieldPath":"spec.containers{app}"},
             "reason":"BackOff","message":"  Back-off restarting failed container\n","type":"Warning",
             "source":{"component":"kubelet","host":"node-1"},
             "firstTimestamp":"2025-01-10T11:00:00Z","lastTimestamp":"2025-01-10T11:58:00Z","count":12}
            """);
        Assert.Equal(
            """["2m","Warning","BackOff","pod/web","spec.containers{app}","kubelet, node-1","Back-off restarting failed container","60m",12,"web.17f3"]""",
            cells);
    }

    [Fact]
    public void Print_NewApiEvent_UsesEventTimeSeriesAndReportingFields()
    {
        var cells = Cells(ResourceTypes.Event, """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"e","namespace":"default"},
             "involvedObject":{"kind":"Deployment","name":"web"},"reason":"ScalingReplicaSet","message":"Scaled up","type":"Normal",
             "eventTime":"2025-01-10T11:50:00.123456Z","reportingComponent":"deployment-controller","reportingInstance":"cm-1",
             "series":{"count":4,"lastObservedTime":"2025-01-10T11:59:00.000000Z"}}
            """);
        Assert.Equal(
            """["60s","Normal","ScalingReplicaSet","deployment/web","","deployment-controller, cm-1","Scaled up","9m59s",4,"e"]""",
            cells);
    }

    [Fact]
    public void Print_SingletonEventWithoutTimestampsOrCount_UnknownAgeAndCountOne()
    {
        var cells = Cells(ResourceTypes.Event, """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"e"},"involvedObject":{"kind":"Node"},"type":"Normal","reason":"Starting","source":{"component":"kubelet"}}
            """);
        Assert.Equal("""["<unknown>","Normal","Starting","node","","kubelet","","<unknown>",1,"e"]""", cells);
    }

    [Fact]
    public void Print_LastTimestampMissing_FallsBackToFirstSeen()
    {
        var cells = Cells(ResourceTypes.Event, """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"e"},"involvedObject":{"kind":"Pod","name":"p"},"count":1,"firstTimestamp":"2025-01-10T09:00:00Z"}
            """);
        Assert.StartsWith("""["3h","",""", cells, StringComparison.Ordinal);
    }
}
