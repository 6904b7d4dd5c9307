using PaaS.Core.Resources;
using PaaS.Core.Tests.Serialization;
using static PaaS.Core.Tests.Printing.PrintingFixture;

namespace PaaS.Core.Tests.Printing;

public sealed class PodTableTests
{
    private const string Running = """{"running":{"startedAt":"2025-01-10T11:55:10Z"}}""";

    [Fact]
    public void Columns_Pod_DefaultAndWideLikeKubectl()
    {
        Assert.Equal(
            "Name:0,Ready:0,Status:0,Restarts:0,Age:0,IP:1,Node:1,Nominated Node:1,Readiness Gates:1",
            Columns(ResourceTypes.Pod));
    }

    [Fact]
    public void Columns_PodRestarts_IsStringTyped()
    {
        var restarts = Print(ResourceTypes.Pod)["columnDefinitions"]![3]!;
        Assert.Equal("Restarts", (string?)restarts["name"]);
        Assert.Equal("string", (string?)restarts["type"]);
    }

    [Fact]
    public void Print_RunningPod_ShowsReadyStatusAndWideCells()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\",\"podIP\":\"10.1.0.5\",\"podIPs\":[{\"ip\":\"10.1.0.5\"}]," +
            Statuses(("app", true, Running, 0, null)),
            spec: "\"nodeName\":\"node-1\","));
        Assert.Equal("""["web","1/1","Running","0","5m","10.1.0.5","node-1","<none>","<none>"]""", cells);
    }

    [Fact]
    public void Print_PendingPodWithoutStatuses_ShowsPhaseAndNone()
    {
        var cells = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Pending\""));
        Assert.Equal("""["web","0/1","Pending","0","5m","<none>","<none>","<none>","<none>"]""", cells);
    }

    [Fact]
    public void Print_CrashLooping_ShowsWaitingReasonAndLastRestartAge()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\"," + Statuses(("app", false, """{"waiting":{"reason":"CrashLoopBackOff"}}""", 5, "2025-01-10T11:57:00Z"))));
        Assert.StartsWith("""["web","0/1","CrashLoopBackOff","5 (3m ago)","5m",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_RestartsWithoutRecordedTermination_HasNoSuffix()
    {
        var cells = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Running\"," + Statuses(("app", true, Running, 2, null))));
        Assert.StartsWith("""["web","1/1","Running","2",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_TwoContainers_SumsRestartsAndTakesLatestTermination()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\"," + Statuses(
                ("a", true, Running, 1, "2025-01-10T11:50:00Z"),
                ("b", false, Running, 2, "2025-01-10T11:59:30Z")),
            containers: """[{"name":"a","image":"i"},{"name":"b","image":"i"}]"""));
        Assert.StartsWith("""["web","1/2","Running","3 (30s ago)",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_TerminatedWithoutReason_ShowsExitCodeOrSignal()
    {
        var exit = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Running\"," + Statuses(("app", false, """{"terminated":{"exitCode":3}}""", 0, null))));
        var signal = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Running\"," + Statuses(("app", false, """{"terminated":{"exitCode":137,"signal":9}}""", 0, null))));
        Assert.Contains("\"ExitCode:3\"", exit, StringComparison.Ordinal);
        Assert.Contains("\"Signal:9\"", signal, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_DeletionTimestamp_ShowsTerminating()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\"," + Statuses(("app", true, Running, 0, null)),
            metadata: "\"deletionTimestamp\":\"2025-01-10T11:59:50Z\","));
        Assert.StartsWith("""["web","1/1","Terminating","0",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_DeletedSucceededPod_KeepsCompletedAndRowCondition()
    {
        var table = Print(ResourceTypes.Pod, Pod(
            "\"phase\":\"Succeeded\"," + Statuses(("app", false, """{"terminated":{"exitCode":0,"reason":"Completed"}}""", 0, null)),
            metadata: "\"deletionTimestamp\":\"2025-01-10T11:59:50Z\","));
        Assert.StartsWith("""["web","0/1","Completed","0",""", CellsOf(table), StringComparison.Ordinal);
        Assert.Equal(
            """[{"type":"Completed","status":"True","reason":"Succeeded","message":"The pod has completed successfully."}]""",
            JsonText.Of(table["rows"]![0]!["conditions"]));
    }

    [Fact]
    public void Print_RunningPod_HasNoRowConditions()
    {
        var table = Print(ResourceTypes.Pod, Pod("\"phase\":\"Running\""));
        Assert.False(table["rows"]![0]!.AsObject().ContainsKey("conditions"));
    }

    [Fact]
    public void Print_DeletedOnLostNode_ShowsUnknown()
    {
        var cells = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Running\",\"reason\":\"NodeLost\"", metadata: "\"deletionTimestamp\":\"2025-01-10T11:59:50Z\","));
        Assert.Contains("\"Unknown\"", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_StatusReason_ReplacesPhase()
    {
        var cells = Cells(ResourceTypes.Pod, Pod("\"phase\":\"Failed\",\"reason\":\"Evicted\""));
        Assert.Contains("\"Evicted\"", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_SchedulingGatedCondition_ShowsSchedulingGated()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Pending\",\"conditions\":[{\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"SchedulingGated\"}]"));
        Assert.Contains("\"SchedulingGated\"", cells, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"running":{}}""", "Init:0/2")]
    [InlineData("""{"waiting":{"reason":"PodInitializing"}}""", "Init:0/2")]
    [InlineData("""{"waiting":{"reason":"CrashLoopBackOff"}}""", "Init:CrashLoopBackOff")]
    [InlineData("""{"terminated":{"exitCode":1,"reason":"Error"}}""", "Init:Error")]
    [InlineData("""{"terminated":{"exitCode":2}}""", "Init:ExitCode:2")]
    [InlineData("""{"terminated":{"exitCode":143,"signal":15}}""", "Init:Signal:15")]
    public void Print_FirstInitContainerNotDone_ShowsInitStatus(string state, string expected)
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Pending\",\"initContainerStatuses\":[" + Status("init-a", false, state, 0, null) + "," +
            Status("init-b", false, """{"waiting":{"reason":"PodInitializing"}}""", 0, null) + "]," +
            Statuses(("app", false, """{"waiting":{"reason":"PodInitializing"}}""", 0, null)),
            spec: "\"initContainers\":[{\"name\":\"init-a\",\"image\":\"i\"},{\"name\":\"init-b\",\"image\":\"i\"}],"));
        Assert.StartsWith($$"""["web","0/1","{{expected}}",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_SecondInitContainerRunning_CountsFinishedOnes()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Pending\",\"initContainerStatuses\":[" +
            Status("init-a", false, """{"terminated":{"exitCode":0,"reason":"Completed"}}""", 1, "2025-01-10T11:56:00Z") + "," +
            Status("init-b", false, Running, 0, null) + "]",
            spec: "\"initContainers\":[{\"name\":\"init-a\",\"image\":\"i\"},{\"name\":\"init-b\",\"image\":\"i\"}],"));
        Assert.StartsWith("""["web","0/1","Init:1/2","1 (4m ago)",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_StartedSidecar_CountsTowardReadyAndTotal()
    {
        var sidecar = Status("proxy", true, Running, 1, "2025-01-10T11:58:00Z").Replace("{\"name\"", "{\"started\":true,\"name\"", StringComparison.Ordinal);
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\",\"conditions\":[{\"type\":\"Initialized\",\"status\":\"True\"}],\"initContainerStatuses\":[" + sidecar + "]," +
            Statuses(("app", true, Running, 0, null)),
            spec: "\"initContainers\":[{\"name\":\"proxy\",\"image\":\"i\",\"restartPolicy\":\"Always\"}],"));
        Assert.StartsWith("""["web","2/2","Running","1 (2m ago)",""", cells, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("True", "Running")]
    [InlineData("False", "NotReady")]
    public void Print_CompletedContainerBesideRunningOne_FollowsReadyCondition(string ready, string expected)
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + ready + "\"}]," + Statuses(
                ("a", true, Running, 0, null),
                ("b", false, """{"terminated":{"exitCode":0,"reason":"Completed"}}""", 0, null)),
            containers: """[{"name":"a","image":"i"},{"name":"b","image":"i"}]"""));
        Assert.StartsWith($$"""["web","1/2","{{expected}}",""", cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ReadinessGatesAndNomination_FillWideCells()
    {
        var cells = Cells(ResourceTypes.Pod, Pod(
            "\"phase\":\"Pending\",\"nominatedNodeName\":\"node-2\",\"podIP\":\"10.1.0.9\"," +
            "\"conditions\":[{\"type\":\"example.com/a\",\"status\":\"True\"},{\"type\":\"example.com/b\",\"status\":\"False\"}]",
            spec: "\"readinessGates\":[{\"conditionType\":\"example.com/a\"},{\"conditionType\":\"example.com/b\"}],"));
        Assert.Equal("""["web","0/1","Pending","0","5m","10.1.0.9","<none>","node-2","1/2"]""", cells);
    }

    private static string Pod(string status, string metadata = "", string spec = "", string containers = """[{"name":"app","image":"nginx"}]""") =>
        $$$"""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{{{{metadata}}}"name":"web","namespace":"default","creationTimestamp":"{{{Created}}}"},
         "spec":{{{{spec}}}"containers":{{{containers}}}},
         "status":{{{{status}}}}}
        """;

    private static string Statuses(params (string Name, bool Ready, string State, int Restarts, string? FinishedAt)[] containers) =>
        "\"containerStatuses\":[" + string.Join(",", containers.Select(c => Status(c.Name, c.Ready, c.State, c.Restarts, c.FinishedAt))) + "]";

    private static string Status(string name, bool ready, string state, int restarts, string? finishedAt)
    {
        var lastState = finishedAt is null
            ? "{}"
            : $$$"""{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"{{{finishedAt}}}"}}""";
        return $$$"""{"name":"{{{name}}}","ready":{{{(ready ? "true" : "false")}}},"restartCount":{{{restarts}}},"state":{{{state}}},"lastState":{{{lastState}}}}""";
    }
}
