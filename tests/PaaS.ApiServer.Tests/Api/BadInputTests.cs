using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaaS.ApiServer.Storage;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

/// <summary>Bad input gets a 4xx whose message names the problem, and nothing is stored.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class BadInputTests(ApiServerFixture api)
{
    private readonly HttpClient _client = api.Client();

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        { "malformed JSON", "application/json", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"}""", 400, "not valid JSON" },
        { "malformed YAML", "application/yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [x\n", 400, "not valid YAML" },
        { "malformed protobuf", "application/vnd.kubernetes.protobuf", "k8s\0\u0012\u00ff", 400, "not a valid Kubernetes protobuf message" },
        { "protobuf without magic", "application/vnd.kubernetes.protobuf", "{}", 400, "not a valid Kubernetes protobuf message" },
        { "unknown kind", "application/json", """{"apiVersion":"apps/v1","kind":"Frobnicator","metadata":{"name":"x"}}""", 400, "no kind \"Frobnicator\" is registered for version \"apps/v1\"" },
        { "unknown apiVersion", "application/json", """{"apiVersion":"apps/v9","kind":"Deployment","metadata":{"name":"x"}}""", 400, "no kind \"Deployment\" is registered for version \"apps/v9\"" },
        { "kind of another version", "application/json", """{"apiVersion":"apps/v1beta1","metadata":{"name":"x"}}""", 400, "no kind \"Deployment\" is registered for version \"apps/v1beta1\"" },
        { "invalid name", "application/json", Deployment("Bad_Name", 1, "paas/hello:1", "100m"), 422, "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain" },
        { "negative replicas", "application/json", Deployment("neg", -1, "paas/hello:1", "100m"), 422, "spec.replicas: Invalid value: -1: must be greater than or equal to 0" },
        { "unparseable quantity", "application/json", Deployment("qty", 1, "paas/hello:1", "lots"), 422, "spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"lots\": quantities must match the regular expression" },
        { "missing image", "application/json", Deployment("noimage", 1, "", "100m"), 422, "spec.template.spec.containers[0].image: Required value" },
        { "missing name", "application/json", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""", 422, "metadata.name: Required value" },
        { "missing selector", "application/json", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nosel"},"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}}}""", 422, "spec.selector: Required value" },
        { "wrong type", "application/json", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"wt"},"spec":{"replicas":"three"}}""", 400, "spec.replicas" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Create_BadInput_Answers4xxNamingTheProblemAndStoresNothing(string scenario, string contentType, string body, int status, string expected)
    {
        var ns = await NewNamespaceAsync();
        var store = api.Services.GetRequiredService<ObjectStore>();
        var before = (await store.GetVersionsAsync(CancellationToken.None)).Current;

        var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await _client.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", content);
        var error = await response.ExpectAsync(status);

        Assert.Equal("Status", (string?)error["kind"]);
        Assert.Equal(status, (int?)error["code"]);
        Assert.Contains(expected, (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(before, (await store.GetVersionsAsync(CancellationToken.None)).Current);
        var list = await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments")).ExpectAsync(200);
        Assert.True(list["items"]!.AsArray().Count == 0, scenario);
    }

    [Fact]
    public async Task Create_BodyOver3MiB_Answers413()
    {
        var ns = await NewNamespaceAsync();
        var deployment = JsonNode.Parse(Deployment("big", 1, "paas/hello:1", "100m"))!;
        deployment["metadata"]!["annotations"] = new JsonObject { ["filler"] = new string('x', 3 * 1024 * 1024) };
        var error = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", deployment)).ExpectAsync(413);
        Assert.Contains("larger than the limit", (string?)error["message"], StringComparison.Ordinal);
        await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/big")).ExpectAsync(404);
    }

    [Fact]
    public async Task WrongTypedFieldsOutsideTheModel_Answer400NamingTheField()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("p"))).ExpectAsync(201);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/pods/p")
        {
            Content = new StringContent("""{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":"soon"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        var badDelete = await (await _client.SendAsync(delete)).ExpectAsync(400);
        Assert.Contains("gracePeriodSeconds: Invalid value: \"soon\": must be an integer", (string?)badDelete["message"], StringComparison.Ordinal);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/p")).ExpectAsync(200);

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/pods/p")
        {
            Content = new StringContent("""{"metadata":{"resourceVersion":7}}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        var badPatch = await (await _client.SendAsync(patch)).ExpectAsync(400);
        Assert.Contains("metadata.resourceVersion: Invalid value: 7: must be a string", (string?)badPatch["message"], StringComparison.Ordinal);

        var review = await (await _client.SendJsonAsync(HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", """{"kind":42}""")).ExpectAsync(400);
        Assert.Contains("kind: Invalid value: 42: must be a string", (string?)review["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_IntoMissingNamespace_Answers404()
    {
        var error = await (await _client.PostJsonAsync("/apis/apps/v1/namespaces/does-not-exist/deployments", Manifests.Deployment("x"))).ExpectAsync(404);
        Assert.Equal("namespaces \"does-not-exist\" not found", (string?)error["message"]);
    }

    [Fact]
    public async Task Create_Duplicate_Answers409AlreadyExists()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("dup"))).ExpectAsync(201);
        var error = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("dup"))).ExpectAsync(409);
        Assert.Equal("AlreadyExists", (string?)error["reason"]);
        Assert.Equal("deployments.apps \"dup\" already exists", (string?)error["message"]);
    }

    private static string Deployment(string name, int replicas, string image, string cpu)
    {
        var deployment = Manifests.Deployment(name, replicas, image);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"] = cpu;
        return deployment.ToJsonString();
    }

    private Task<string> NewNamespaceAsync() => api.NewNamespaceAsync("b");
}
