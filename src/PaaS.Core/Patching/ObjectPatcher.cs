using System.Text.Json;
using System.Text.Json.Nodes;
using PaaS.Core.Resources;

namespace PaaS.Core.Patching;

/// <summary>
/// Applies the three PATCH bodies Kubernetes serves (JSON Patch, JSON Merge Patch, strategic merge patch) to an
/// object's Kubernetes JSON. The original is never changed: the result is a new document.
/// </summary>
public static class ObjectPatcher
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";

    // JsonObject would otherwise fail on a repeated key only when first read, halfway through applying the patch;
    // Go would silently keep the last one. Rejecting it up front is the clearer answer.
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false };

    /// <summary>Applies <paramref name="patchBody"/> of the given media type to a copy of <paramref name="original"/>.</summary>
    /// <param name="contentType">The request's Content-Type; parameters such as <c>charset</c> are ignored.</param>
    /// <param name="type">The object's kind: strategic merge patch needs it to know which lists merge by which key.</param>
    /// <exception cref="PatchException">The content type is not a patch type, the body is malformed, or an operation fails.</exception>
    public static JsonObject Apply(string contentType, JsonObject original, string patchBody, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(patchBody);
        ArgumentNullException.ThrowIfNull(type);

        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (mediaType.Equals(JsonPatch, StringComparison.OrdinalIgnoreCase))
        {
            return JsonPatchApplier.Apply(original, Parse(patchBody, "json patch"));
        }

        if (mediaType.Equals(MergePatch, StringComparison.OrdinalIgnoreCase))
        {
            return MergePatchApplier.Apply(original, ParseObject(patchBody, "merge patch"));
        }

        if (mediaType.Equals(StrategicMergePatch, StringComparison.OrdinalIgnoreCase))
        {
            return StrategicPatchApplier.Apply(original, ParseObject(patchBody, "strategic merge patch"), PatchSchemas.For(type));
        }

        throw PatchException.UnsupportedMediaType(
            $"the body of the request was in an unknown format - accepted media types include: {JsonPatch}, {MergePatch}, {StrategicMergePatch}");
    }

    private static JsonObject ParseObject(string body, string what) =>
        Parse(body, what) as JsonObject ?? throw PatchException.BadRequest($"{what}: the patch must be a JSON object");

    private static JsonNode? Parse(string body, string what)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: ParseOptions);
        }
        catch (JsonException e)
        {
            throw PatchException.BadRequest($"{what}: the patch is not valid JSON: {e.Message}", e);
        }
    }
}
