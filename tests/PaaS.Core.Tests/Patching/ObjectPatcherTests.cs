using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class ObjectPatcherTests
{
    private const string Pod =
        """{"metadata":{"name":"p","labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"}]}]}}""";

    public static TheoryData<string, string> PatchesTouchingEverything => new()
    {
        { ObjectPatcher.JsonPatch, """[{"op":"replace","path":"/spec/containers/0/env/0/value","value":"2"},{"op":"remove","path":"/metadata/labels/app"},{"op":"move","from":"/spec/containers/0/image","path":"/image"}]""" },
        { ObjectPatcher.MergePatch, """{"metadata":{"labels":{"app":null}},"spec":{"containers":[{"name":"b"}]}}""" },
        { ObjectPatcher.StrategicMergePatch, """{"metadata":{"labels":{"app":null}},"spec":{"containers":[{"name":"a","image":"a:2","env":[{"name":"X","value":"2"}]},{"$patch":"delete","name":"zz"}]}}""" },
    };

    [Theory]
    [MemberData(nameof(PatchesTouchingEverything))]
    public void Apply_AnyPatchType_NeverChangesTheOriginal(string contentType, string patch)
    {
        var original = PatchAssert.Object(Pod);

        var result = ObjectPatcher.Apply(contentType, original, patch, ResourceTypes.Pod);
        result["spec"]!["added"] = 1;

        Assert.False(JsonNode.DeepEquals(original, result));
        PatchAssert.Equal(Pod, original);
    }

    [Theory]
    [InlineData("application/merge-patch+json; charset=utf-8")]
    [InlineData("Application/Merge-Patch+JSON")]
    [InlineData(" application/merge-patch+json ")]
    public void Apply_MediaTypeWithParametersOrOtherCase_IsRecognised(string contentType)
    {
        var result = ObjectPatcher.Apply(contentType, PatchAssert.Object(Pod), """{"metadata":{"labels":{"tier":"front"}}}""", ResourceTypes.Pod);

        PatchAssert.Equal("""{"app":"web","tier":"front"}""", result["metadata"]!["labels"]);
    }

    [Theory]
    [InlineData("application/apply-patch+yaml")]
    [InlineData("application/json")]
    [InlineData("")]
    public void Apply_OtherMediaType_FailsListingTheAcceptedOnes(string contentType)
    {
        PatchAssert.Fails(
            () => ObjectPatcher.Apply(contentType, PatchAssert.Object(Pod), "{}", ResourceTypes.Pod),
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, "
            + "application/merge-patch+json, application/strategic-merge-patch+json");
    }

    [Theory]
    [InlineData(ObjectPatcher.JsonPatch, "[{", "json patch: the patch is not valid JSON")]
    [InlineData(ObjectPatcher.MergePatch, "", "merge patch: the patch is not valid JSON")]
    [InlineData(ObjectPatcher.StrategicMergePatch, "spec: {}", "strategic merge patch: the patch is not valid JSON")]
    [InlineData(ObjectPatcher.StrategicMergePatch, """{"a":1,"a":2}""", "strategic merge patch: the patch is not valid JSON")]
    [InlineData(ObjectPatcher.StrategicMergePatch, "[]", "strategic merge patch: the patch must be a JSON object")]
    public void Apply_MalformedBody_Fails(string contentType, string body, string message)
    {
        PatchAssert.Fails(() => ObjectPatcher.Apply(contentType, PatchAssert.Object(Pod), body, ResourceTypes.Pod), message);
    }

    [Theory]
    [InlineData("application/apply-patch+yaml", "{}", 415)]
    [InlineData(ObjectPatcher.JsonPatch, "{}", 400)]
    [InlineData(ObjectPatcher.MergePatch, "{", 400)]
    [InlineData(ObjectPatcher.JsonPatch, """[{"op":"test","path":"/metadata/name","value":"q"}]""", 422)]
    [InlineData(ObjectPatcher.JsonPatch, """[{"op":"jump","path":"/a"}]""", 422)]
    [InlineData(ObjectPatcher.StrategicMergePatch, """{"spec":{"containers":[{"image":"x"}]}}""", 422)]
    [InlineData(ObjectPatcher.StrategicMergePatch, """{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a"},{"name":"b"}]}}""", 400)]
    [InlineData(ObjectPatcher.StrategicMergePatch, """{"spec":{"volumes":[{"$retainKeys":["name"],"name":"v","emptyDir":{}}]}}""", 400)]
    public void Apply_Failure_CarriesTheStatusKubernetesAnswers(string contentType, string body, int status)
    {
        var error = PatchAssert.Fails(() => ObjectPatcher.Apply(contentType, PatchAssert.Object(Pod), body, ResourceTypes.Pod));

        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void Apply_NullArgument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ObjectPatcher.Apply(ObjectPatcher.MergePatch, null!, "{}", ResourceTypes.Pod));
        Assert.Throws<ArgumentNullException>(() => ObjectPatcher.Apply(ObjectPatcher.MergePatch, [], null!, ResourceTypes.Pod));
    }

    [Fact]
    public void Apply_OriginalInsideAnotherDocument_IsCopiedNotMoved()
    {
        var list = JsonNode.Parse($$"""{"items":[{{Pod}}]}""")!;
        var original = list["items"]![0]!.AsObject();

        var result = ObjectPatcher.Apply(ObjectPatcher.StrategicMergePatch, original, """{"metadata":{"name":"q"}}""", ResourceTypes.Pod);

        Assert.Null(result.Parent);
        Assert.Equal("q", (string?)result["metadata"]!["name"]);
        Assert.Same(original, list["items"]![0]);
    }
}
