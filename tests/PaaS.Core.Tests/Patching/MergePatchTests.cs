using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

public class MergePatchTests
{
    // The examples of RFC 7386, appendix A, whose target and patch are objects.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{"a":"foo"}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    [InlineData("""{"a":"b"}""", """{}""", """{"a":"b"}""")]
    public void Apply_Rfc7386Examples_GiveTheRfcResult(string original, string patch, string expected)
    {
        PatchAssert.Equal(expected, Merge(original, patch));
    }

    [Fact]
    public void Apply_ContainersList_IsReplacedNotMerged()
    {
        var result = Merge(
            """{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}],"replicas":1}}""",
            """{"spec":{"containers":[{"name":"a","image":"a:2"}]}}""");

        PatchAssert.Equal("""{"spec":{"containers":[{"name":"a","image":"a:2"}],"replicas":1}}""", result);
    }

    [Fact]
    public void Apply_NullInsideAnArray_IsKept()
    {
        PatchAssert.Equal("""{"a":[1,null]}""", Merge("""{"a":[0]}""", """{"a":[1,null]}"""));
    }

    [Fact]
    public void Apply_DirectiveKeys_AreOrdinaryKeysInAMergePatch()
    {
        // Only strategic merge patch gives "$patch" a meaning; a merge patch stores what it is sent.
        PatchAssert.Equal("""{"a":{"$patch":"delete"}}""", Merge("""{"a":{"b":1}}""", """{"a":{"$patch":"delete","b":null}}"""));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    public void Apply_PatchNotAnObject_Fails(string patch)
    {
        PatchAssert.Fails(() => Merge("""{"a":1}""", patch), "merge patch: the patch must be a JSON object");
    }

    private static JsonObject Merge(string original, string patch) =>
        ObjectPatcher.Apply(ObjectPatcher.MergePatch, PatchAssert.Object(original), patch, ResourceTypes.Pod);
}
