using System.Text.Json.Nodes;
using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.OpenApi;

/// <summary>
/// The REST paths of one kind, as the API server publishes them. kubectl's QueryParamVerifierV3 looks for a
/// PATCH operation carrying the kind's <c>x-kubernetes-group-version-kind</c> object and a <c>fieldValidation</c>
/// query parameter before it sends <c>?fieldValidation=Strict</c>; every PATCH of the kind must have it because
/// the verifier stops at the first matching one it meets.
/// </summary>
internal static class PathItems
{
    public static void Add(JsonObject paths, ResourceType type, string kindSchema, string listSchema)
    {
        var prefix = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";
        var scope = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
        var scopeParameters = type.Namespaced ? new[] { PathParameter("namespace"), Query("pretty") } : [Query("pretty")];
        var gvk = new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = type.Version };
        var kindRef = Ref(kindSchema);
        var listRef = Ref(listSchema);

        paths[scope] = new JsonObject
        {
            ["get"] = Operation("list", "list", type, gvk, listRef, null, ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "watch"]),
            ["post"] = Operation("create", "post", type, gvk, kindRef, Body(kindRef, "*/*"), ["dryRun", "fieldManager", "fieldValidation"]),
            ["parameters"] = new JsonArray([.. scopeParameters]),
        };

        paths[$"{scope}/{{name}}"] = new JsonObject
        {
            ["get"] = Operation("read", "get", type, gvk, kindRef, null, []),
            ["put"] = Operation("replace", "put", type, gvk, kindRef, Body(kindRef, "*/*"), ["dryRun", "fieldManager", "fieldValidation"]),
            ["patch"] = Operation("patch", "patch", type, gvk, kindRef, Body(Ref(SchemaNames.Patch), [.. ObjectPatcher.AcceptedMediaTypes(type)]), ["dryRun", "fieldManager", "fieldValidation", "force"]),
            ["delete"] = Operation("delete", "delete", type, gvk, Ref("io.k8s.apimachinery.pkg.apis.meta.v1.Status"), null, ["dryRun", "gracePeriodSeconds", "propagationPolicy"]),
            ["parameters"] = new JsonArray([PathParameter("name"), .. scopeParameters.Select(p => p.DeepClone())]),
        };

        if (type.Namespaced)
        {
            // The all-namespaces list, as `kubectl get -A` uses it.
            paths[$"{prefix}/{type.Plural}"] = new JsonObject
            {
                ["get"] = Operation("list", "list", type, gvk, listRef.DeepClone().AsObject(), null, ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "watch"]),
                ["parameters"] = new JsonArray(Query("pretty")),
            };
        }
    }

    private static JsonObject Operation(
        string verb, string action, ResourceType type, JsonObject gvk, JsonObject response, JsonObject? body, string[] queries)
    {
        var operation = new JsonObject
        {
            ["description"] = $"{verb} {(action == "list" ? "objects of kind" : "the specified")} {type.Kind}",
            ["operationId"] = $"{verb}{Pascal(type.Group)}{Pascal(type.Version)}{(type.Namespaced ? "Namespaced" : "")}{type.Kind}",
            ["parameters"] = new JsonArray([.. queries.Select(Query)]),
        };
        if (body is not null)
        {
            operation["requestBody"] = body;
        }

        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/json", "application/yaml", "application/vnd.kubernetes.protobuf" })
        {
            content[mediaType] = new JsonObject { ["schema"] = response.DeepClone() };
        }

        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = content },
            ["401"] = new JsonObject { ["description"] = "Unauthorized" },
        };
        operation["tags"] = new JsonArray(type.Group.Length == 0 ? "core_v1" : $"{type.Group.Split('.')[0]}_{type.Version}");
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = gvk.DeepClone();
        return operation;
    }

    private static JsonObject Body(JsonObject schema, params string[] mediaTypes)
    {
        var content = new JsonObject();
        foreach (var mediaType in mediaTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = schema.DeepClone() };
        }

        return new JsonObject { ["content"] = content, ["required"] = true };
    }

    private static JsonObject PathParameter(string name) => new()
    {
        ["description"] = $"{name} of the {(name == "namespace" ? "object's namespace" : "object")}",
        ["in"] = "path",
        ["name"] = name,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Query(string name) => new()
    {
        ["description"] = QueryDescriptions.Of(name),
        ["in"] = "query",
        ["name"] = name,
        ["schema"] = name switch
        {
            "limit" or "gracePeriodSeconds" => new JsonObject { ["type"] = "integer", ["uniqueItems"] = true },
            "watch" or "force" => new JsonObject { ["type"] = "boolean", ["uniqueItems"] = true },
            _ => new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
        },
    };

    private static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };

    private static string Pascal(string segment) =>
        string.Concat(segment.Split('.', '-').Where(s => s.Length > 0 && s != "k8s" && s != "io").Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
}
