using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Storage;
using PaaS.Core.Labels;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// PATCH (JSON patch, merge patch, strategic merge patch) and the <c>/scale</c> subresource. Both read the
/// current object, compute the new one, and hand it to the replace flow, so a patch never bypasses
/// admission or the compare-and-swap. A patch that names a resourceVersion makes it a precondition;
/// otherwise a lost race re-reads and re-applies the patch, as Kubernetes does.
/// </summary>
internal sealed class PatchService(ObjectService objects)
{
    private const int MaxRetries = 8;

    public async Task<StoredRecord> PatchAsync(ResourceType type, string ns, string name, string contentType, string patch, bool status, ObjectGuard guard, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await objects.GetAsync(type, ns, name, ct);
            var patched = Apply(type, contentType, (JsonObject)JsonNode.Parse(current.Body)!, patch);
            if (patched["metadata"] is not (null or JsonObject))
            {
                throw ApiException.BadRequest("metadata: Invalid value: must be an object");
            }

            var currentVersion = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var requested = RequestFields.String(patched["metadata"]?["resourceVersion"], "metadata.resourceVersion");
            var clientVersion = requested is not null && requested != currentVersion;
            patched["metadata"] ??= new JsonObject();
            patched["metadata"]!["resourceVersion"] = clientVersion ? requested : currentVersion;
            try
            {
                return status
                    ? await objects.ReplaceStatusAsync(type, ns, name, patched, guard, ct)
                    : await objects.ReplaceAsync(type, ns, name, patched, guard, ct);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && !clientVersion && attempt < MaxRetries)
            {
                // Someone wrote in between: re-read and re-apply the patch to the new version.
            }
        }
    }

    public async Task<JsonObject> GetScaleAsync(ResourceType type, string ns, string name, CancellationToken ct) =>
        ScaleOf((JsonObject)JsonNode.Parse((await objects.GetAsync(type, ns, name, ct)).Body)!);

    /// <summary>PUT or PATCH of a Scale: only <c>spec.replicas</c> of the object changes.</summary>
    public async Task<JsonObject> UpdateScaleAsync(ResourceType type, string ns, string name, string? contentType, string body, ObjectGuard guard, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = (JsonObject)JsonNode.Parse((await objects.GetAsync(type, ns, name, ct)).Body)!;
            var scale = ScaleOf(current);
            var desired = contentType is null ? ParseScale(body) : Apply(type, contentType, scale, body);
            if (desired["spec"]?["replicas"] is not JsonValue replicasValue || !replicasValue.TryGetValue<int>(out var replicas))
            {
                throw ApiException.Invalid("Scale", "autoscaling", name, [Core.Validation.FieldError.Required("spec.replicas")]);
            }

            if (replicas < 0)
            {
                throw ApiException.Invalid("Scale", "autoscaling", name, [Core.Validation.FieldError.Invalid("spec.replicas", replicas, "must be greater than or equal to 0")]);
            }

            var requested = RequestFields.String(desired["metadata"]?["resourceVersion"], "metadata.resourceVersion");
            var clientVersion = requested is not null && requested != (string?)scale["metadata"]!["resourceVersion"];
            current["spec"]!["replicas"] = replicas;
            current["metadata"]!["resourceVersion"] = clientVersion ? requested : (string?)scale["metadata"]!["resourceVersion"];
            try
            {
                var stored = await objects.ReplaceAsync(type, ns, name, current, guard, ct);
                return ScaleOf((JsonObject)JsonNode.Parse(stored.Body)!);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && !clientVersion && attempt < MaxRetries)
            {
                // Re-read and retry.
            }
        }
    }

    private static JsonObject Apply(ResourceType type, string contentType, JsonObject original, string patch)
    {
        try
        {
            return ObjectPatcher.Apply(contentType, original, patch, type);
        }
        catch (PatchException e)
        {
            throw new ApiException((HttpStatusCode)e.StatusCode, e.StatusCode switch
            {
                400 => "BadRequest",
                415 => "UnsupportedMediaType",
                _ => "Invalid",
            }, e.Message);
        }
    }

    private static JsonObject ParseScale(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw ApiException.BadRequest("the request body must be a Scale object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The <c>autoscaling/v1</c> Scale view of a Deployment or ReplicaSet.</summary>
    private static JsonObject ScaleOf(JsonObject obj)
    {
        var meta = obj["metadata"]!;
        string selector;
        try
        {
            selector = LabelSelector.FromModel(obj["spec"]?["selector"]?.Deserialize<k8s.Models.V1LabelSelector>(ObjectJson.Options)).ToString();
        }
        catch (FormatException)
        {
            selector = "";
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = obj["spec"]?["replicas"]?.DeepClone() ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = obj["status"]?["replicas"]?.DeepClone() ?? 0,
                ["selector"] = selector,
            },
        };
    }
}
