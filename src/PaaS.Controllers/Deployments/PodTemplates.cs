using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// Pod templates compared and serialized the way the deployment controller needs: ignoring the pod-template-hash label,
/// and treating absent, null and empty lists or maps alike (as Kubernetes' semantic equality treats nil and empty).
/// </summary>
public static class PodTemplates
{
    /// <summary>The label that ties a replica set and its pods to one template revision (apps.DefaultDeploymentUniqueLabelKey).</summary>
    public const string HashLabel = "pod-template-hash";

    /// <summary>Kubernetes' EqualIgnoreHash: the same template but for the hash label.</summary>
    public static bool EqualIgnoreHash(V1PodTemplateSpec? a, V1PodTemplateSpec? b) =>
        CanonicalJson(a) == CanonicalJson(b);

    /// <summary>
    /// A stable text form of the template without the hash label: object keys sorted, nulls and empty collections dropped.
    /// The same template always gives the same text, whatever order its maps were built in.
    /// </summary>
    public static string CanonicalJson(V1PodTemplateSpec? template)
    {
        if (template is null)
        {
            return "";
        }

        var json = ObjectJson.ToJson(template);
        if (json["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(HashLabel);
        }

        return Canonical(json)?.ToJsonString() ?? "";
    }

    private static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Canonical(value) is { } canonical)
                    {
                        sorted[key] = canonical;
                    }
                }

                return sorted.Count == 0 ? null : sorted;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    // Keep nulls and empties inside a list: there they hold a position.
                    items.Add(Canonical(item) ?? JsonValue.Create((string?)null));
                }

                return items.Count == 0 ? null : items;
            case null:
                return null;
            default:
                return node.GetValueKind() == JsonValueKind.Null ? null : node.DeepClone();
        }
    }
}
