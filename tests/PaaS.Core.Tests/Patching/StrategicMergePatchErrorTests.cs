using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class StrategicMergePatchErrorTests
{
    private const string ThreeContainers =
        """{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}]}}""";

    [Fact]
    public void Apply_ListItemWithoutMergeKey_NamesTheKeyAndPath()
    {
        PatchAssert.Fails(
            () => Pod(ThreeContainers, """{"spec":{"containers":[{"image":"x"}]}}"""),
            "/spec/containers/0", """map: {"image":"x"} does not contain declared merge key: name""");
    }

    [Fact]
    public void Apply_DeleteItemWithoutMergeKey_Fails()
    {
        PatchAssert.Fails(
            () => Pod(ThreeContainers, """{"spec":{"containers":[{"$patch":"delete","image":"a:1"}]}}"""),
            "/spec/containers/0", "does not contain declared merge key: name");
    }

    [Theory]
    [InlineData("""{"spec":{"$patch":"bogus"}}""", "/spec: unknown patch type: \"bogus\"")]
    [InlineData("""{"spec":{"$patch":7}}""", "/spec: unknown patch type: 7")]
    [InlineData("""{"spec":{"containers":[{"$patch":"remove","name":"a"}]}}""", "/spec/containers/0: unknown patch type: \"remove\"")]
    public void Apply_UnknownPatchType_Fails(string patch, string message)
    {
        PatchAssert.Fails(() => Pod(ThreeContainers, patch), message);
    }

    [Fact]
    public void Apply_UnknownDirective_Fails()
    {
        PatchAssert.Fails(() => Pod(ThreeContainers, """{"spec":{"$replaceAll":true}}"""), "/spec: unknown directive \"$replaceAll\"");
    }

    [Fact]
    public void Apply_PatchSetsKeyNotInRetainKeys_Fails()
    {
        PatchAssert.Fails(
            () => Pod(
                """{"spec":{"volumes":[{"name":"v","emptyDir":{}}]}}""",
                """{"spec":{"volumes":[{"$retainKeys":["name"],"name":"v","hostPath":{"path":"/x"}}]}}"""),
            "/spec/volumes/0", "\"hostPath\", which is not in $retainKeys");
    }

    [Fact]
    public void Apply_RetainKeysNotAListOfNames_Fails()
    {
        PatchAssert.Fails(() => Pod("""{"spec":{}}""", """{"spec":{"$retainKeys":"name"}}"""), "$retainKeys must be a list of field names");
    }

    [Fact]
    public void Apply_PatchListOrderContradictsSetElementOrder_Fails()
    {
        PatchAssert.Fails(
            () => Pod(
                ThreeContainers,
                """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b","image":"b:2"},{"name":"a","image":"a:2"}]}}"""),
            "/spec/containers", """the order in the patch list ["b","a"] doesn't match its $setElementOrder list ["a","b"]""");
    }

    [Fact]
    public void Apply_SetElementOrderNotAList_Fails()
    {
        PatchAssert.Fails(() => Pod(ThreeContainers, """{"spec":{"$setElementOrder/containers":{"name":"a"}}}"""), "$setElementOrder/containers must be a list");
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveListNotAList_Fails()
    {
        PatchAssert.Fails(
            () => Pod("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}"""),
            "/metadata/finalizers", "must be a list");
    }

    [Fact]
    public void Apply_ObjectsInAPrimitiveMergeList_Fail()
    {
        PatchAssert.Fails(
            () => Pod("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"finalizers":[{"name":"b"}]}}"""),
            "/metadata/finalizers", "items must be primitives");
    }

    [Fact]
    public void Apply_PrimitiveInAListMergedByKey_Fails()
    {
        PatchAssert.Fails(() => Pod(ThreeContainers, """{"spec":{"containers":["a"]}}"""), "/spec/containers/0", "items must be objects");
    }

    [Fact]
    public void Apply_ServerListItemNotAnObject_Fails()
    {
        PatchAssert.Fails(
            () => Pod("""{"spec":{"containers":["a"]}}""", """{"spec":{"containers":[{"name":"a"}]}}"""),
            "/spec/containers/0", "its item is not an object");
    }

    [Fact]
    public void Apply_DeleteInListWithoutMergeKey_Fails()
    {
        PatchAssert.Fails(
            () => Pod("""{"spec":{"tolerations":[{"key":"k"}]}}""", """{"spec":{"tolerations":[{"$patch":"delete","key":"k"}]}}"""),
            "/spec/tolerations", "no merge key");
    }

    [Fact]
    public void Apply_FailedPatch_LeavesTheOriginalAlone()
    {
        var original = PatchAssert.Object(ThreeContainers);

        PatchAssert.Fails(() => ObjectPatcher.Apply(
            ObjectPatcher.StrategicMergePatch, original, """{"spec":{"containers":[{"name":"a","image":"a:2"},{"image":"x"}]}}""", ResourceTypes.Pod));

        PatchAssert.Equal(ThreeContainers, original);
    }

    private static JsonObject Pod(string original, string patch) =>
        ObjectPatcher.Apply(ObjectPatcher.StrategicMergePatch, PatchAssert.Object(original), patch, ResourceTypes.Pod);
}
