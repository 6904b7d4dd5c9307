using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class JsonPatchTests
{
    private const string Deployment =
        """{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}}}""";

    [Fact]
    public void Apply_AddMember_AddsOrReplacesIt()
    {
        var result = Patch("""{"a":1}""", """[{"op":"add","path":"/b","value":{"c":[1]}},{"op":"add","path":"/a","value":2}]""");

        PatchAssert.Equal("""{"a":2,"b":{"c":[1]}}""", result);
    }

    [Fact]
    public void Apply_AddArrayItem_InsertsAtIndexOrAppendsWithDash()
    {
        var result = Patch("""{"l":["x","z"]}""", """[{"op":"add","path":"/l/1","value":"y"},{"op":"add","path":"/l/-","value":"end"},{"op":"add","path":"/l/4","value":"last"}]""");

        PatchAssert.Equal("""{"l":["x","y","z","end","last"]}""", result);
    }

    [Fact]
    public void Apply_EscapedPointer_ReachesKeysWithSlashAndTilde()
    {
        var result = Patch(
            """{"metadata":{"annotations":{"example.com/x":"1","a~b":"2"}}}""",
            """[{"op":"replace","path":"/metadata/annotations/example.com~1x","value":"one"},{"op":"remove","path":"/metadata/annotations/a~0b"},{"op":"add","path":"/metadata/annotations/~01","value":"tilde-one"}]""");

        PatchAssert.Equal("""{"metadata":{"annotations":{"example.com/x":"one","~1":"tilde-one"}}}""", result);
    }

    [Fact]
    public void Apply_Remove_RemovesMemberAndArrayItem()
    {
        var result = Patch(Deployment, """[{"op":"remove","path":"/metadata/labels/app"},{"op":"remove","path":"/spec/template/spec/containers/0"}]""");

        PatchAssert.Equal("""{}""", result["metadata"]!["labels"]);
        PatchAssert.Equal("""[{"name":"b"}]""", result["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_Replace_ReplacesMemberAndArrayItem()
    {
        var result = Patch(Deployment, """[{"op":"replace","path":"/spec/replicas","value":4},{"op":"replace","path":"/spec/template/spec/containers/1","value":{"name":"c"}}]""");

        Assert.Equal(4, (int?)result["spec"]!["replicas"]);
        PatchAssert.Equal("""[{"name":"a"},{"name":"c"}]""", result["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_Move_RemovesFromSourceAndAddsAtTarget()
    {
        var result = Patch("""{"a":{"x":1},"l":[1,2,3]}""", """[{"op":"move","from":"/a/x","path":"/b"},{"op":"move","from":"/l/0","path":"/l/-"}]""");

        PatchAssert.Equal("""{"a":{},"l":[2,3,1],"b":1}""", result);
    }

    [Fact]
    public void Apply_Copy_AddsAnIndependentCopy()
    {
        var result = Patch("""{"a":{"x":[1]}}""", """[{"op":"copy","from":"/a","path":"/b"},{"op":"add","path":"/b/x/-","value":2}]""");

        PatchAssert.Equal("""{"a":{"x":[1]},"b":{"x":[1,2]}}""", result);
    }

    [Fact]
    public void Apply_PassingTest_LetsTheNextOperationsRun()
    {
        var result = Patch(Deployment, """[{"op":"test","path":"/spec/replicas","value":3.0},{"op":"test","path":"/metadata/labels","value":{"app":"web"}},{"op":"replace","path":"/spec/replicas","value":5}]""");

        Assert.Equal(5, (int?)result["spec"]!["replicas"]);
    }

    [Fact]
    public void Apply_FailingTest_SaysWhatItFoundAndNothingIsApplied()
    {
        var original = PatchAssert.Object(Deployment);

        PatchAssert.Fails(
            () => ObjectPatcher.Apply(ObjectPatcher.JsonPatch, original, """[{"op":"replace","path":"/metadata/name","value":"x"},{"op":"test","path":"/spec/replicas","value":2}]""", ResourceTypes.Deployment),
            "jsonpatch test operation does not apply: /spec/replicas is 3, not 2");
        PatchAssert.Equal(Deployment, original);
    }

    [Fact]
    public void Apply_AddOrReplaceWholeDocument_ReplacesIt()
    {
        PatchAssert.Equal("""{"b":2}""", Patch("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]"""));
        PatchAssert.Equal("""{"c":3}""", Patch("""{"a":1}""", """[{"op":"add","path":"","value":{"c":3}}]"""));
    }

    [Fact]
    public void Apply_EmptyPatch_ReturnsAnEqualCopy()
    {
        var original = PatchAssert.Object(Deployment);

        var result = ObjectPatcher.Apply(ObjectPatcher.JsonPatch, original, "[]", ResourceTypes.Deployment);

        Assert.NotSame(original, result);
        PatchAssert.Equal(original, result);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/spec/missing/x","value":1}]""", "jsonpatch add operation does not apply: doc is missing path: /spec/missing")]
    [InlineData("""[{"op":"remove","path":"/metadata/labels/tier"}]""", "jsonpatch remove operation does not apply: doc is missing path: /metadata/labels/tier")]
    [InlineData("""[{"op":"replace","path":"/spec/paused","value":true}]""", "jsonpatch replace operation does not apply: doc is missing key: /spec/paused")]
    [InlineData("""[{"op":"move","from":"/spec/nope","path":"/x"}]""", "jsonpatch move operation does not apply: doc is missing path: /spec/nope")]
    [InlineData("""[{"op":"copy","from":"/nope","path":"/x"}]""", "jsonpatch copy operation does not apply: doc is missing path: /nope")]
    [InlineData("""[{"op":"test","path":"/spec/nope","value":1}]""", "jsonpatch test operation does not apply: doc is missing path: /spec/nope")]
    [InlineData("""[{"op":"add","path":"/spec/template/spec/containers/3","value":{}}]""", "index 3 in /spec/template/spec/containers/3 is out of bounds for an array of length 2")]
    [InlineData("""[{"op":"remove","path":"/spec/template/spec/containers/-"}]""", "\"-\" in /spec/template/spec/containers/- is not an array index")]
    [InlineData("""[{"op":"replace","path":"/spec/template/spec/containers/01","value":{}}]""", "\"01\" in /spec/template/spec/containers/01 is not an array index")]
    [InlineData("""[{"op":"add","path":"/spec/replicas/x","value":1}]""", "jsonpatch add operation does not apply: /spec/replicas is not an object or an array")]
    [InlineData("""[{"op":"remove","path":""}]""", "jsonpatch remove operation does not apply: the whole document cannot be removed")]
    [InlineData("""[{"op":"move","from":"/spec","path":"/spec/template/x"}]""", "/spec cannot be moved into its own child /spec/template/x")]
    public void Apply_OperationThatDoesNotApply_NamesOpAndPath(string patch, string message)
    {
        PatchAssert.Fails(() => Patch(Deployment, patch), message);
    }

    [Theory]
    [InlineData("""{"op":"add"}""", "json patch: the patch must be a JSON array of operations")]
    [InlineData("""[1]""", "json patch: operation 0 is not a JSON object")]
    [InlineData("""[{"path":"/a","value":1}]""", "json patch: operation 0 needs a string \"op\"")]
    [InlineData("""[{"op":"test","path":"/spec/replicas","value":3},{"op":"frobnicate","path":"/a"}]""", "json patch: operation 1 has an unknown op \"frobnicate\"")]
    [InlineData("""[{"op":"add","value":1}]""", "json patch: operation 0 needs a string \"path\"")]
    [InlineData("""[{"op":"add","path":"/a"}]""", "json patch: operation 0 (add) needs a \"value\"")]
    [InlineData("""[{"op":"move","path":"/a"}]""", "json patch: operation 0 needs a string \"from\"")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""", "invalid JSON pointer \"a\": it must be empty or start with '/'")]
    [InlineData("""[{"op":"add","path":"/a~2","value":1}]""", "invalid JSON pointer \"/a~2\": '~' must be followed by 0 or 1")]
    [InlineData("""[{"op":"replace","path":"","value":[1]}]""", "json patch: the patched document must be a JSON object, not [1]")]
    public void Apply_MalformedPatch_Fails(string patch, string message)
    {
        PatchAssert.Fails(() => Patch(Deployment, patch), message);
    }

    [Fact]
    public void Apply_AddNullValue_StoresNull()
    {
        var result = Patch("""{"a":1}""", """[{"op":"add","path":"/b","value":null}]""");

        Assert.True(result.ContainsKey("b"));
        Assert.Null(result["b"]);
    }

    private static JsonObject Patch(string original, string patch) =>
        ObjectPatcher.Apply(ObjectPatcher.JsonPatch, PatchAssert.Object(original), patch, ResourceTypes.Deployment);
}
