using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

/// <summary>A Service's gateway.paas.dev/* annotations are checked on every write; a wrong one is a 422 and nothing is written.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class GatewayGovernanceAdmissionTests(ApiServerFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Create_ValidAnnotations_AreStored()
    {
        var ns = await api.NewNamespaceAsync();
        var service = Annotated("web", ("rate-limit", "100/s burst 200"), ("timeout", "5s"), ("canary", "web-v2=10"));

        var created = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/services", service)).ExpectAsync(201);

        Assert.Equal("web-v2=10", (string?)created["metadata"]!["annotations"]!["gateway.paas.dev/canary"]);
    }

    [Fact]
    public async Task Create_BadRate_Answers422NamingTheAnnotationAndStoresNothing()
    {
        var ns = await api.NewNamespaceAsync();

        var error = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/services", Annotated("web", ("rate-limit", "10/x")))).ExpectAsync(422);

        Assert.Equal("Invalid", (string?)error["reason"]);
        Assert.Contains("metadata.annotations[gateway.paas.dev/rate-limit]: Invalid value: \"10/x\": not a rate; use <count>/s or <count>/m", (string?)error["message"], StringComparison.Ordinal);
        var cause = error["details"]!["causes"]!.AsArray().Single()!;
        Assert.Equal("metadata.annotations[gateway.paas.dev/rate-limit]", (string?)cause["field"]);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/services/web")).ExpectAsync(404);
    }

    [Fact]
    public async Task Create_TypoInKey_IsRefused()
    {
        var ns = await api.NewNamespaceAsync();

        var error = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/services", Annotated("web", ("retry", "3")))).ExpectAsync(422);

        Assert.Contains("metadata.annotations[gateway.paas.dev/retry]: Unsupported value: \"gateway.paas.dev/retry\"", (string?)error["message"], StringComparison.Ordinal);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/services/web")).ExpectAsync(404);
    }

    [Fact]
    public async Task Create_CanaryToItself_IsRefused()
    {
        var ns = await api.NewNamespaceAsync();

        var error = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/services", Annotated("web", ("canary", "web=10")))).ExpectAsync(422);

        Assert.Contains("metadata.annotations[gateway.paas.dev/canary]: Invalid value: \"web=10\": the canary must be another service", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceAndPatch_BadAnnotation_AreRefusedAndTheStoredServiceIsUnchanged()
    {
        var ns = await api.NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/services", Annotated("web", ("retries", "2")))).ExpectAsync(201);
        var path = $"/api/v1/namespaces/{ns}/services/web";

        var replacement = Annotated("web", ("retries", "9"));
        replacement["metadata"]!["resourceVersion"] = (string?)created["metadata"]!["resourceVersion"];
        var put = await (await _client.PutJsonAsync(path, replacement)).ExpectAsync(422);
        Assert.Contains("metadata.annotations[gateway.paas.dev/retries]: Invalid value: \"9\": must be an integer between 0 and 5, inclusive", (string?)put["message"], StringComparison.Ordinal);

        var patch = await (await _client.SendJsonAsync(HttpMethod.Patch, path, """{"metadata":{"annotations":{"gateway.paas.dev/timeout":"forever"}}}""", "application/merge-patch+json")).ExpectAsync(422);
        Assert.Contains("metadata.annotations[gateway.paas.dev/timeout]: Invalid value: \"forever\": not a duration", (string?)patch["message"], StringComparison.Ordinal);

        var stored = await (await _client.GetAsync(path)).ExpectAsync(200);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.ToJsonString(), stored["metadata"]!["resourceVersion"]!.ToJsonString());
        Assert.Equal("""{"gateway.paas.dev/retries":"2"}""", stored["metadata"]!["annotations"]!.ToJsonString());
    }

    private static JsonObject Annotated(string name, params (string Key, string Value)[] annotations)
    {
        var service = Manifests.Service(name);
        var map = new JsonObject();
        foreach (var (key, value) in annotations)
        {
            map["gateway.paas.dev/" + key] = value;
        }

        service["metadata"]!["annotations"] = map;
        return service;
    }
}
