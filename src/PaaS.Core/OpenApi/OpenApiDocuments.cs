using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PaaS.Core.Resources;

namespace PaaS.Core.OpenApi;

/// <summary>
/// The OpenAPI v3 discovery documents (<c>/openapi/v3</c> and <c>/openapi/v3/{group-version path}</c>) for the
/// kinds in <see cref="ResourceTypes"/>. kubectl reads them for <c>explain</c> and to learn that the server
/// accepts <c>fieldValidation</c>, which is what makes <c>kubectl apply/create</c> validate server-side.
/// </summary>
public static class OpenApiDocuments
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Documents = new(Build);

    /// <summary>
    /// <c>GET /openapi/v3</c>: each group-version's <c>serverRelativeURL</c> carries a hash of its document so
    /// clients may cache it by URL.
    /// </summary>
    public static JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var (path, document) in Documents.Value)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary><c>GET /openapi/v3/api/v1</c> and the like; <paramref name="path"/> has no leading slash. Null when unknown.</summary>
    public static JsonObject? GroupVersion(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Documents.Value.TryGetValue(path.Trim('/'), out var document) ? JsonNode.Parse(document)!.AsObject() : null;
    }

    /// <summary>Documents are built once and kept serialized: the hash needs the text, and callers get a fresh copy.</summary>
    private static Dictionary<string, string> Build()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, version) in ResourceTypes.GroupVersions)
        {
            var path = group.Length == 0 ? version == "v1" ? "api/v1" : $"api/{version}" : $"apis/{group}/{version}";
            result[path] = BuildGroupVersion(group, version).ToJsonString();
        }

        return result;
    }

    private static JsonObject BuildGroupVersion(string group, string version)
    {
        var types = ResourceTypes.All.Where(t => t.Group == group && t.Version == version).ToArray();

        // Kinds and their lists carry x-kubernetes-group-version-kind, which is how explain finds a kind's schema.
        var kinds = new Dictionary<Type, (string, string, string)>();
        foreach (var type in types)
        {
            kinds[type.ModelType] = (type.Group, type.Version, type.Kind);
            if (ListModel(type) is { } list)
            {
                kinds[list] = (type.Group, type.Version, type.ListKind);
            }
        }

        var generator = new SchemaGenerator(kinds);
        generator.AddPatch();
        generator.Add(typeof(k8s.Models.V1Status));
        var paths = new JsonObject();
        foreach (var type in types)
        {
            var kindSchema = generator.Add(type.ModelType);
            var listSchema = ListModel(type) is { } list ? generator.Add(list) : kindSchema;
            PathItems.Add(paths, type, kindSchema, listSchema);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = generator.Components() },
        };
    }

    private static Type? ListModel(ResourceType type) => type.ModelType.Assembly.GetType(type.ModelType.FullName + "List");
}
