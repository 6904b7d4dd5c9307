using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Core.Tests.Protobuf;

internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Structural equality (property order ignored), showing both documents when they differ.</summary>
    public static void Equal(JsonNode expected, JsonNode actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(Indented), actual.ToJsonString(Indented));
            Assert.Fail("JSON differs only in ways its text does not show");
        }
    }

    public static void Equal(string expected, JsonNode actual) => Equal(JsonNode.Parse(expected)!, actual);
}
