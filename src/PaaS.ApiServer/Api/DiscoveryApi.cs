using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Npgsql;
using PaaS.Core.OpenApi;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Api;

/// <summary>
/// Discovery (<c>/api</c>, <c>/apis</c>, per group-version resource lists), <c>/version</c> and health:
/// what kubectl reads before anything else. Public, like Kubernetes' <c>system:public-info-viewer</c>.
/// </summary>
internal static class DiscoveryApi
{
    /// <summary>The Kubernetes API level this server's subset follows (kubectl 1.32 is the reference client).</summary>
    private const string Major = "1";
    private const string Minor = "32";

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/version", () => Json(new JsonObject
        {
            ["major"] = Major,
            ["minor"] = Minor,
            ["gitVersion"] = $"v{Major}.{Minor}.0-paas",
            ["gitCommit"] = ThisAssembly(),
            ["gitTreeState"] = "clean",
            ["buildDate"] = "",
            ["goVersion"] = $"dotnet{Environment.Version}",
            ["compiler"] = "roslyn",
            ["platform"] = $"{(OperatingSystem.IsLinux() ? "linux" : "other")}/{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}",
        }));

        app.MapGet("/api", (HttpRequest request, IOptions<ApiServerOptions> options) => AggregatedDiscovery.Wanted(request)
            ? Results.Text(AggregatedDiscovery.Build(core: true).ToJsonString(), AggregatedDiscovery.MediaType)
            : Json(new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
            {
                ["clientCIDR"] = "0.0.0.0/0",
                ["serverAddress"] = new Uri(options.Value.PublicUrl).Authority,
            }),
        }));

        app.MapGet("/apis", (HttpRequest request) => AggregatedDiscovery.Wanted(request)
            ? Results.Text(AggregatedDiscovery.Build(core: false).ToJsonString(), AggregatedDiscovery.MediaType)
            : Json(new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray(ResourceTypes.GroupVersions.Where(gv => gv.Group.Length > 0)
                .Append((AccessReviewApi.Group, AccessReviewApi.Version))
                .Select(gv => (JsonNode)GroupJson(gv.Group, gv.Version)).ToArray()),
        }));
        app.MapGet($"/apis/{AccessReviewApi.Group}/{AccessReviewApi.Version}", () => Json(AccessReviewApi.ResourceList()));

        foreach (var (group, version) in ResourceTypes.GroupVersions)
        {
            var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            app.MapGet(path, () => Json(ResourceListJson(group, version)));
            if (group.Length > 0)
            {
                app.MapGet($"/apis/{group}", () => Json(GroupJson(group, version).Also(g => g["kind"] = "APIGroup").Also(g => g["apiVersion"] = "v1")));
            }
        }

        // OpenAPI v3: kubectl reads it to validate manifests (then sends fieldValidation=Strict) and for `explain`.
        app.MapGet("/openapi/v3", () => Json(OpenApiDocuments.Root()));
        app.MapGet("/openapi/v3/{**path}", (string path) => OpenApiDocuments.GroupVersion(path) is { } document
            ? Json(document)
            : Results.Text(new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404, ["message"] = $"no OpenAPI document for {path}" }.ToJsonString(), "application/json", statusCode: 404));

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/livez", () => Results.Text("ok"));
        app.MapGet("/readyz", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var command = db.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return Results.Text("ok");
        });
        return app;
    }

    private static JsonObject GroupJson(string group, string version)
    {
        var gv = new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(gv.DeepClone()),
            ["preferredVersion"] = gv,
        };
    }

    private static JsonObject ResourceListJson(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in ResourceTypes.All.Where(t => t.Group == group && t.Version == version))
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
                ["shortNames"] = new JsonArray(type.ShortNames.Select(s => (JsonNode)s).ToArray()),
            };
            if (type.InCategoryAll)
            {
                resource["categories"] = new JsonArray("all");
            }

            resources.Add(resource);
            if (type.HasScale)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }

            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private static string ThisAssembly() => typeof(DiscoveryApi).Assembly.GetName().Version?.ToString() ?? "";

    private static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
