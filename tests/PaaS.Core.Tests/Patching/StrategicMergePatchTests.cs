using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

/// <summary>
/// Strategic merge patch directives ($patch, $setElementOrder, $retainKeys, $deleteFromPrimitiveList, null), case by
/// case. Every expectation (order of merged lists included) is what <c>kubectl patch --local --type=strategic</c>,
/// i.e. Kubernetes' own implementation, returned for the same input, except where a test says it departs from
/// Kubernetes on purpose.
/// </summary>
public class StrategicMergePatchTests
{
    private const string ThreeContainers =
        """{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}]}}""";

    private const string ThreeEnv =
        """{"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}]}]}}""";

    [Fact]
    public void Apply_PatchDeleteOnListItem_RemovesTheItemWithThatKey()
    {
        var result = Pod(ThreeEnv, """{"spec":{"containers":[{"name":"app","env":[{"$patch":"delete","name":"B"}]}]}}""");

        PatchAssert.Equal("""[{"name":"A","value":"1"},{"name":"C","value":"3"}]""", result["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Apply_PatchReplaceItemInList_ReplacesTheWholeList()
    {
        var result = Pod(ThreeContainers, """{"spec":{"containers":[{"$patch":"replace"},{"name":"z","image":"z:1"}]}}""");

        PatchAssert.Equal("""[{"name":"z","image":"z:1"}]""", result["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_PatchReplaceOnMap_ReplacesTheMap()
    {
        var result = Pod(
            """{"spec":{"nodeSelector":{"disk":"ssd","zone":"a"}}}""",
            """{"spec":{"nodeSelector":{"$patch":"replace","zone":"b"}}}""");

        PatchAssert.Equal("""{"zone":"b"}""", result["spec"]!["nodeSelector"]);
    }

    [Fact]
    public void Apply_PatchDeleteOnMap_RemovesTheMap()
    {
        // Kubernetes leaves "nodeSelector": {} here, which its typed round trip (omitempty) then drops; we drop it at once.
        var result = Pod("""{"spec":{"nodeSelector":{"disk":"ssd"},"restartPolicy":"Always"}}""", """{"spec":{"nodeSelector":{"$patch":"delete"}}}""");

        PatchAssert.Equal("""{"restartPolicy":"Always"}""", result["spec"]);
    }

    [Fact]
    public void Apply_PatchDeleteOnWholeObject_LeavesAnEmptyObject()
    {
        PatchAssert.Equal("{}", Pod(ThreeContainers, """{"$patch":"delete"}"""));
    }

    [Fact]
    public void Apply_PatchMergeOnMapOrAsListMarker_MergesAsUsual()
    {
        // Kubernetes rejects "$patch: merge" ("unknown patch type: merge in map"); it names the default, so we accept it.
        var result = Pod(
            """{"spec":{"nodeSelector":{"disk":"ssd"},"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}""",
            """{"spec":{"nodeSelector":{"$patch":"merge","zone":"b"},"containers":[{"$patch":"merge"},{"name":"b","image":"b:2"}]}}""");

        PatchAssert.Equal(
            """{"nodeSelector":{"disk":"ssd","zone":"b"},"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}""",
            result["spec"]);
    }

    [Fact]
    public void Apply_SetElementOrderAlone_ReordersTheList()
    {
        var result = Pod(ThreeContainers, """{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}""");

        Assert.Equal(["c", "a", "b"], Names(result["spec"]!["containers"]));
    }

    [Fact]
    public void Apply_SetElementOrderNamingSomeItems_SlotsUnnamedItemsInByServerOrder()
    {
        var result = Pod(ThreeContainers, """{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"name":"a","image":"a:2"}]}}""");

        PatchAssert.Equal(
            """[{"name":"b","image":"b:1"},{"name":"c","image":"c:1"},{"name":"a","image":"a:2"}]""",
            result["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_SetElementOrderWithNewItem_InsertsItWhereTheOrderSays()
    {
        var result = Pod(
            ThreeContainers,
            """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"new"},{"name":"b"},{"name":"c"}],"containers":[{"name":"new","image":"n:1"}]}}""");

        Assert.Equal(["a", "new", "b", "c"], Names(result["spec"]!["containers"]));
    }

    // Kubernetes orders against its live list as Go's in-place deletes and appends left it: deleted slots close up
    // and new items fill the tail, so a server-only item stays ahead of items that replace deleted ones.
    [Theory]
    [InlineData("d,a,c", """[{"name":"b"},{"name":"d"}]""", """[{"name":"b"},{"name":"d","image":"x"},{"$patch":"delete","name":"c"}]""", "a,b,d")]
    [InlineData("s,a,b,c", """[{"name":"x"},{"name":"y"},{"name":"c"}]""", """[{"name":"x"},{"name":"y"},{"$patch":"delete","name":"a"},{"$patch":"delete","name":"b"}]""", "s,x,y,c")]
    [InlineData("a,s,b", """[{"name":"a"},{"name":"x"},{"name":"y"}]""", """[{"name":"x"},{"name":"y"},{"$patch":"delete","name":"b"}]""", "a,s,x,y")]
    public void Apply_SetElementOrderWithDeletesAndAdds_PlacesServerOnlyItemsAsKubernetes(string live, string order, string items, string expected)
    {
        var containers = string.Join(",", live.Split(',').Select(n => $$"""{"name":"{{n}}"}"""));

        var result = Pod(
            """{"spec":{"containers":[""" + containers + "]}}",
            """{"spec":{"$setElementOrder/containers":""" + order + ""","containers":""" + items + "}}");

        Assert.Equal(expected.Split(','), Names(result["spec"]!["containers"]));
    }

    [Fact]
    public void Apply_SetElementOrderAloneForPrimitiveList_ReordersIt()
    {
        var result = Pod("""{"metadata":{"finalizers":["x/a","x/b","x/c"]}}""", """{"metadata":{"$setElementOrder/finalizers":["x/c","x/a","x/b"]}}""");

        PatchAssert.Equal("""["x/c","x/a","x/b"]""", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_SetElementOrderAloneForReplacedList_LeavesItAlone()
    {
        // Kubernetes' own code panics on this patch (it hashes the maps of a list without merge key).
        var result = Pod("""{"spec":{"tolerations":[{"key":"a"},{"key":"b"}]}}""", """{"spec":{"$setElementOrder/tolerations":[{"key":"b"}]}}""");

        PatchAssert.Equal("""[{"key":"a"},{"key":"b"}]""", result["spec"]!["tolerations"]);
    }

    [Fact]
    public void Apply_SetElementOrderForAbsentList_AddsNothing()
    {
        var result = Pod("""{"spec":{}}""", """{"spec":{"$setElementOrder/volumes":[{"name":"v"}]}}""");

        PatchAssert.Equal("""{"spec":{}}""", result);
    }

    [Fact]
    public void Apply_RetainKeysOnVolume_DropsTheOldSource()
    {
        var result = Pod(
            """{"spec":{"volumes":[{"name":"v","emptyDir":{"medium":"Memory"}},{"name":"w","emptyDir":{}}]}}""",
            """{"spec":{"volumes":[{"$retainKeys":["hostPath","name"],"name":"v","hostPath":{"path":"/x"}}]}}""");

        PatchAssert.Equal("""[{"name":"v","hostPath":{"path":"/x"}},{"name":"w","emptyDir":{}}]""", result["spec"]!["volumes"]);
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveList_RemovesThoseFinalizers()
    {
        var result = Pod("""{"metadata":{"finalizers":["x/a","x/b","x/c"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":["x/b"]}}""");

        PatchAssert.Equal("""{"finalizers":["x/a","x/c"]}""", result["metadata"]);
    }

    [Fact]
    public void Apply_NullValues_DeleteKeysInMapsAndListItems()
    {
        var result = Pod(
            """{"spec":{"containers":[{"name":"a","image":"a:1","workingDir":"/w"}],"nodeSelector":{"disk":"ssd","zone":"a"}}}""",
            """{"spec":{"nodeSelector":{"disk":null,"gone":null},"containers":[{"name":"a","workingDir":null}]}}""");

        PatchAssert.Equal("""{"containers":[{"name":"a","image":"a:1"}],"nodeSelector":{"zone":"a"}}""", result["spec"]);
    }

    [Fact]
    public void Apply_NewValues_ArriveWithoutNullsOrDirectives()
    {
        // Kubernetes keeps the "$setElementOrder/env" of a container that is new; no directive reaches our result.
        var result = Pod(
            """{"spec":{}}""",
            """{"spec":{"securityContext":{"runAsUser":1000,"runAsGroup":null},"containers":[{"name":"a","$setElementOrder/env":[{"name":"X"}],"env":[{"name":"X","value":"1","valueFrom":null}]}]}}""");

        PatchAssert.Equal(
            """{"securityContext":{"runAsUser":1000},"containers":[{"name":"a","env":[{"name":"X","value":"1"}]}]}""",
            result["spec"]);
    }

    [Fact]
    public void Apply_PatchReplaceWithOnlyTheMarker_EmptiesTheList()
    {
        var result = Pod(ThreeContainers, """{"spec":{"containers":[{"$patch":"replace"}]}}""");

        PatchAssert.Equal("""{"spec":{"containers":[]}}""", result);
    }

    [Fact]
    public void Apply_TypeChange_PatchValueWins()
    {
        var result = Pod("""{"spec":{"nodeSelector":"oops","hostname":{"a":1}}}""", """{"spec":{"nodeSelector":{"a":"1"},"hostname":"h"}}""");

        PatchAssert.Equal("""{"nodeSelector":{"a":"1"},"hostname":"h"}""", result["spec"]);
    }

    private static JsonObject Pod(string original, string patch) => StrategicMerge(ResourceTypes.Pod, original, patch);

    private static JsonObject StrategicMerge(ResourceType type, string original, string patch) =>
        ObjectPatcher.Apply(ObjectPatcher.StrategicMergePatch, PatchAssert.Object(original), patch, type);

    private static List<string?> Names(JsonNode? list) => list!.AsArray().Select(i => (string?)i!["name"]).ToList();
}
