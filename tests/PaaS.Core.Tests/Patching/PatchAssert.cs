using System.Text.Json;
using System.Text.Json.Nodes;
using PaaS.Core.Patching;

namespace PaaS.Core.Tests.Patching;

internal static class PatchAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Structural equality (property order ignored, list order not), showing both documents when they differ.</summary>
    public static void Equal(JsonNode expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(Indented), actual?.ToJsonString(Indented));
            Assert.Fail("JSON differs only in ways its text does not show");
        }
    }

    public static void Equal(string expected, JsonNode? actual) => Equal(JsonNode.Parse(expected)!, actual);

    /// <summary>The patch fails with a <see cref="PatchException"/> whose message contains every fragment given.</summary>
    public static PatchException Fails(Func<JsonObject> apply, params string[] fragments)
    {
        var error = Assert.Throws<PatchException>(() => apply());
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();
}
