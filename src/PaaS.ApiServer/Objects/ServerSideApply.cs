using System.Net;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Authorization;
using PaaS.ApiServer.Storage;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Objects;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>, <c>kubectl apply --server-side</c>), in the
/// subset this server can do honestly without per-field ownership: an apply creates the object if it
/// is missing; a later apply by the same field manager sets every field of its configuration over the
/// live object (strategic merge). One manager owns an object's applied configuration: an apply by a
/// different manager is a 409 conflict unless forced (<c>--force-conflicts</c>) — Kubernetes would
/// check field by field. Unlike Kubernetes, a field dropped from the configuration is not removed.
/// </summary>
internal sealed class ServerSideApply(ObjectService objects, PatchService patches)
{
    public const string MediaType = "application/apply-patch+yaml";

    /// <summary>Records which field manager applied the object (Kubernetes keeps this in managedFields).</summary>
    public const string ManagerAnnotation = "apply.paas.dev/field-manager";

    public async Task<(StoredRecord Stored, bool Created)> ApplyAsync(ResourceType type, string ns, string name, string manager, bool force, JsonObject configuration, ObjectGuard guard, CancellationToken ct)
    {
        var metadata = configuration["metadata"] as JsonObject ?? throw ApiException.BadRequest("metadata: Required value");
        if (RequestFields.String(metadata["name"], "metadata.name") is { } configured && configured != name)
        {
            throw ApiException.BadRequest($"the name of the object ({configured}) does not match the name on the URL ({name})");
        }

        metadata["name"] = name;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations[ManagerAnnotation] = manager;
        metadata["annotations"] = annotations;

        for (var attempt = 0; ; attempt++)
        {
            StoredRecord current;
            try
            {
                current = await objects.GetAsync(type, ns, name, ct);
            }
            catch (ApiException e) when (e.Reason == "NotFound")
            {
                try
                {
                    return (await objects.CreateAsync(type, ns, configuration, guard, ct), true);
                }
                catch (ApiException raced) when (raced.Reason == "AlreadyExists" && attempt < 3)
                {
                    continue;
                }
            }

            var owner = (string?)JsonNode.Parse(current.Body)!["metadata"]?["annotations"]?[ManagerAnnotation];
            if (owner != manager && !force)
            {
                throw new ApiException(HttpStatusCode.Conflict, "Conflict",
                    $"Apply failed with 1 conflict: {type.GroupResource} \"{name}\" is managed by {(owner is null ? "updates that were not server-side applies" : $"\"{owner}\"")}; " +
                    "this server tracks one applying manager per object: re-run with --force-conflicts to take it over, or use client-side kubectl apply");
            }

            // Custom kinds (Team) have no strategic merge schema: their configuration merges as a JSON merge patch.
            var patchType = type.IsCustomResource ? ObjectPatcher.MergePatch : ObjectPatcher.StrategicMergePatch;
            return (await patches.PatchAsync(type, ns, name, patchType, configuration.ToJsonString(), status: false, guard, ct), false);
        }
    }
}
