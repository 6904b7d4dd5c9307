using System.Text.Json.Nodes;
using PaaS.Core.OpenApi;

namespace PaaS.Core.Tests.OpenApi;

public class OpenApiDocumentsTests
{
    [Fact]
    public void Root_ListsEveryGroupVersion_WithHashedUrls()
    {
        var paths = OpenApiDocuments.Root()["paths"]!.AsObject();

        Assert.Equal(["api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1", "apis/paas.dev/v1"], paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        var url = (string)paths["apis/apps/v1"]!["serverRelativeURL"]!;
        Assert.StartsWith("/openapi/v3/apis/apps/v1?hash=", url, StringComparison.Ordinal);
        Assert.Equal(url, (string)OpenApiDocuments.Root()["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!);
    }

    [Fact]
    public void GroupVersion_Unknown_ReturnsNull()
    {
        Assert.Null(OpenApiDocuments.GroupVersion("apis/batch/v1"));
    }

    [Theory]
    [InlineData("apis/apps/v1", "io.k8s.api.apps.v1.Deployment", "apps", "Deployment")]
    [InlineData("apis/apps/v1", "io.k8s.api.apps.v1.ReplicaSet", "apps", "ReplicaSet")]
    [InlineData("api/v1", "io.k8s.api.core.v1.Pod", "", "Pod")]
    [InlineData("api/v1", "io.k8s.api.core.v1.Event", "", "Event")]
    [InlineData("apis/coordination.k8s.io/v1", "io.k8s.api.coordination.v1.Lease", "coordination.k8s.io", "Lease")]
    public void GroupVersion_KindSchema_CarriesGroupVersionKind(string path, string schema, string group, string kind)
    {
        var schemas = OpenApiDocuments.GroupVersion(path)!["components"]!["schemas"]!;

        var gvk = schemas[schema]!["x-kubernetes-group-version-kind"]![0]!;
        Assert.Equal(group, (string)gvk["group"]!);
        Assert.Equal("v1", (string)gvk["version"]!);
        Assert.Equal(kind, (string)gvk["kind"]!);
    }

    [Fact]
    public void GroupVersion_DeploymentSpec_TypesReplicasAndReferencesNestedModels()
    {
        var schemas = OpenApiDocuments.GroupVersion("apis/apps/v1")!["components"]!["schemas"]!;

        var spec = schemas["io.k8s.api.apps.v1.DeploymentSpec"]!["properties"]!;
        Assert.Equal("integer", (string)spec["replicas"]!["type"]!);
        Assert.Equal("int32", (string)spec["replicas"]!["format"]!);
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec", RefOf(spec["template"]!));
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", RefOf(spec["selector"]!));
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);

        var labels = schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["labels"]!;
        Assert.Equal("object", (string)labels["type"]!);
        Assert.Equal("string", (string)labels["additionalProperties"]!["type"]!);

        var maxSurge = schemas["io.k8s.api.apps.v1.RollingUpdateDeployment"]!["properties"]!["maxSurge"]!;
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString", RefOf(maxSurge));
        Assert.True((bool)schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]!["x-kubernetes-int-or-string"]!);

        var containers = schemas["io.k8s.api.core.v1.PodSpec"]!["properties"]!["containers"]!;
        Assert.Equal("array", (string)containers["type"]!);
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.Container", RefOf(containers["items"]!));
    }

    [Theory]
    [InlineData("apis/apps/v1", "/apis/apps/v1/namespaces/{namespace}/deployments", "apps", "Deployment")]
    [InlineData("api/v1", "/api/v1/namespaces/{namespace}/pods", "", "Pod")]
    [InlineData("api/v1", "/api/v1/nodes", "", "Node")]
    [InlineData("api/v1", "/api/v1/namespaces", "", "Namespace")]
    public void GroupVersion_WriteOperations_ListFieldValidationAndGroupVersionKind(string document, string collection, string group, string kind)
    {
        var paths = OpenApiDocuments.GroupVersion(document)!["paths"]!;

        foreach (var (path, method) in new[] { (collection, "post"), (collection + "/{name}", "put"), (collection + "/{name}", "patch") })
        {
            var operation = paths[path]![method]!;
            var queries = operation["parameters"]!.AsArray()
                .Where(p => (string)p!["in"]! == "query")
                .Select(p => (string)p!["name"]!)
                .ToArray();
            Assert.Contains("fieldValidation", queries);
            Assert.Contains("dryRun", queries);
            Assert.Contains("fieldManager", queries);
            Assert.Equal(kind, (string)operation["x-kubernetes-group-version-kind"]!["kind"]!);
            Assert.Equal(group, (string)operation["x-kubernetes-group-version-kind"]!["group"]!);
        }

        Assert.NotNull(paths[collection]!["get"]);
        Assert.NotNull(paths[collection + "/{name}"]!["get"]);
        Assert.NotNull(paths[collection + "/{name}"]!["delete"]);
    }

    [Theory]
    [InlineData("api/v1", "io.k8s.api.core.v1.ConfigMap", "", "ConfigMap")]
    [InlineData("api/v1", "io.k8s.api.core.v1.Secret", "", "Secret")]
    [InlineData("api/v1", "io.k8s.api.core.v1.ResourceQuota", "", "ResourceQuota")]
    [InlineData("api/v1", "io.k8s.api.core.v1.LimitRange", "", "LimitRange")]
    [InlineData("apis/paas.dev/v1", "dev.paas.v1.Team", "paas.dev", "Team")]
    [InlineData("apis/paas.dev/v1", "dev.paas.v1.TeamList", "paas.dev", "TeamList")]
    public void GroupVersion_TenancyKinds_HaveSchemas(string path, string schema, string group, string kind)
    {
        var gvk = OpenApiDocuments.GroupVersion(path)!["components"]!["schemas"]![schema]!["x-kubernetes-group-version-kind"]![0]!;

        Assert.Equal(group, (string)gvk["group"]!);
        Assert.Equal(kind, (string)gvk["kind"]!);
    }

    [Fact]
    public void GroupVersion_Team_NestedTypesInItsOwnGroupWithDocs()
    {
        var schemas = OpenApiDocuments.GroupVersion("apis/paas.dev/v1")!["components"]!["schemas"]!;

        var spec = schemas["dev.paas.v1.Team"]!["properties"]!["spec"]!;
        Assert.Equal("#/components/schemas/dev.paas.v1.TeamSpec", RefOf(spec));
        var members = schemas["dev.paas.v1.TeamSpec"]!["properties"]!["members"]!;
        Assert.Equal("#/components/schemas/dev.paas.v1.TeamMember", RefOf(members["items"]!));
        Assert.Equal("Who belongs to the team and with which role.", (string?)members["description"]);
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.ResourceQuotaSpec", RefOf(schemas["dev.paas.v1.TeamSpec"]!["properties"]!["quota"]!));
        Assert.Equal("string", (string)schemas["dev.paas.v1.TeamMember"]!["properties"]!["role"]!["type"]!);
    }

    [Theory]
    [InlineData("apis/paas.dev/v1", "/apis/paas.dev/v1/teams/{name}", false)]
    [InlineData("api/v1", "/api/v1/namespaces/{namespace}/limitranges/{name}", true)]
    public void GroupVersion_PatchBody_ListsStrategicMergeOnlyForBuiltInKinds(string document, string path, bool strategic)
    {
        var content = OpenApiDocuments.GroupVersion(document)!["paths"]![path]!["patch"]!["requestBody"]!["content"]!.AsObject();

        Assert.Contains("application/merge-patch+json", content.Select(c => c.Key));
        Assert.Equal(strategic, content.ContainsKey("application/strategic-merge-patch+json"));
    }

    [Fact]
    public void GroupVersion_EveryReference_Resolves()
    {
        foreach (var path in OpenApiDocuments.Root()["paths"]!.AsObject().Select(p => p.Key))
        {
            var document = OpenApiDocuments.GroupVersion(path)!;
            var schemas = document["components"]!["schemas"]!.AsObject();
            foreach (var reference in References(document))
            {
                Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), $"{path}: {reference}");
            }
        }
    }

    private static string? RefOf(JsonNode schema) =>
        (string?)(schema["$ref"] ?? schema["allOf"]?[0]?["$ref"]);

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
