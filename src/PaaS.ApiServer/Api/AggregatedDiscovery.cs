using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Api;

/// <summary>
/// Aggregated discovery (<c>apidiscovery.k8s.io/v2</c> <c>APIGroupDiscoveryList</c>): the whole API surface
/// of <c>/api</c> or <c>/apis</c> in one response, which kubectl asks for first to avoid one request per
/// group-version. The legacy per-group-version documents stay for older clients.
/// </summary>
internal static class AggregatedDiscovery
{
    public const string MediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)
        && request.Headers.Accept.ToString().Contains("v=v2", StringComparison.Ordinal);

    /// <param name="core">True for <c>/api</c> (the legacy core group), false for <c>/apis</c>.</param>
    public static JsonObject Build(bool core)
    {
        var items = new JsonArray();
        var groups = ResourceTypes.GroupVersions.Where(gv => (gv.Group.Length == 0) == core).Select(gv => gv.Group).Distinct();
        foreach (var group in groups)
        {
            var versions = new JsonArray();
            foreach (var version in ResourceTypes.GroupVersions.Where(gv => gv.Group == group).Select(gv => gv.Version))
            {
                var resources = new JsonArray(ResourceTypes.All.Where(t => t.Group == group && t.Version == version).Select(t => (JsonNode)Resource(t)).ToArray());
                versions.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null }, ["versions"] = versions });
        }

        if (!core)
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = AccessReviewApi.Group, ["creationTimestamp"] = null },
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["version"] = AccessReviewApi.Version,
                    ["freshness"] = "Current",
                    ["resources"] = new JsonArray(new JsonObject
                    {
                        ["resource"] = "selfsubjectaccessreviews",
                        ["responseKind"] = Kind(AccessReviewApi.Group, AccessReviewApi.Version, "SelfSubjectAccessReview"),
                        ["scope"] = "Cluster",
                        ["singularResource"] = "selfsubjectaccessreview",
                        ["verbs"] = new JsonArray("create"),
                    }),
                }),
            });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type.Group, type.Version, type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray(type.ShortNames.Select(s => (JsonNode)s).ToArray());
        }

        if (type.InCategoryAll)
        {
            resource["categories"] = new JsonArray("all");
        }

        var subresources = new JsonArray();
        if (type.HasStatus)
        {
            subresources.Add(new JsonObject { ["subresource"] = "status", ["responseKind"] = Kind(type.Group, type.Version, type.Kind), ["verbs"] = new JsonArray("get", "patch", "update") });
        }

        if (type.HasScale)
        {
            subresources.Add(new JsonObject { ["subresource"] = "scale", ["responseKind"] = Kind("autoscaling", "v1", "Scale"), ["verbs"] = new JsonArray("get", "patch", "update") });
        }

        if (subresources.Count > 0)
        {
            resource["subresources"] = subresources;
        }

        return resource;
    }

    private static JsonObject Kind(string group, string version, string kind) => new() { ["group"] = group, ["version"] = version, ["kind"] = kind };
}
