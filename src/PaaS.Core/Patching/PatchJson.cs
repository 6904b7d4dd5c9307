using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaaS.Core.Patching;

/// <summary>Renders values for error messages.</summary>
internal static class PatchJson
{
    // Messages go back to kubectl users: show quotes and '<' as typed, not as \u0022 and \u003C escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
