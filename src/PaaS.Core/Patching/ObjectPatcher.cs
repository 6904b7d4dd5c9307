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
    public const string ApplyPatch = "application/apply-patch+yaml";

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
            if (type.IsCustomResource)
            {
                // Kubernetes' answer for custom resources: strategic merge needs patch tags that only built-in types have.
                throw PatchException.UnsupportedMediaType(
                    $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", AcceptedMediaTypes(type))}");
            }

            return StrategicPatchApplier.Apply(original, ParseObject(patchBody, "strategic merge patch"), PatchSchemas.For(type));
        }

        throw PatchException.UnsupportedMediaType(
            $"the body of the request was in an unknown format - accepted media types include: {JsonPatch}, {MergePatch}, {StrategicMergePatch}");
    }

    /// <summary>
    /// The PATCH media types Kubernetes accepts for a kind, in its order: custom resources have no strategic merge patch.
    /// Server-side apply (<c>application/apply-patch+yaml</c>) is listed as Kubernetes lists it; the API server applies it, not this class.
    /// </summary>
    public static IReadOnlyList<string> AcceptedMediaTypes(ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsCustomResource
            ? [JsonPatch, MergePatch, ApplyPatch]
            : [JsonPatch, MergePatch, StrategicMergePatch, ApplyPatch];
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
