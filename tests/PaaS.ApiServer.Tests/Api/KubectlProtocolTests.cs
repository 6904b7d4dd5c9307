using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

/// <summary>The protocol pieces kubectl relies on beyond CRUD: patch, scale, tables, access reviews, event selectors, watch fan-out.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class KubectlProtocolTests(ApiServerFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Patch_StaleResourceVersionInPatch_Answers409()
    {
        var ns = await NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        var stale = (long.Parse((string)created["metadata"]!["resourceVersion"]!) - 1).ToString();
        var response = await Patch($"/apis/apps/v1/namespaces/{ns}/deployments/web", "application/merge-patch+json", "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"spec\":{\"replicas\":2}}");
        await response.ExpectAsync(409);
    }

    [Fact]
    public async Task Patch_InvalidResult_IsRefusedByValidation()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        var error = await (await Patch($"/apis/apps/v1/namespaces/{ns}/deployments/web", "application/merge-patch+json", """{"spec":{"replicas":-3}}""")).ExpectAsync(422);
        Assert.Contains("spec.replicas: Invalid value: -3", (string?)error["message"], StringComparison.Ordinal);
        var stored = await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).ExpectAsync(200);
        Assert.Equal(1, (int?)stored["spec"]!["replicas"]);
    }

    [Fact]
    public async Task Scale_GetAndPut_ServeAutoscalingV1()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        var scale = await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web/scale")).ExpectAsync(200);
        Assert.Equal("Scale", (string?)scale["kind"]);
        Assert.Equal("autoscaling/v1", (string?)scale["apiVersion"]);
        Assert.Equal("app=web", (string?)scale["status"]!["selector"]);

        scale["spec"]!["replicas"] = 5;
        var updated = await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web/scale", scale)).ExpectAsync(200);
        Assert.Equal(5, (int?)updated["spec"]!["replicas"]);
        var deployment = await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).ExpectAsync(200);
        Assert.Equal(5, (int?)deployment["spec"]!["replicas"]);
        Assert.Equal(2, (long?)deployment["metadata"]!["generation"]);

        var negative = await (await Patch($"/apis/apps/v1/namespaces/{ns}/deployments/web/scale", "application/merge-patch+json", """{"spec":{"replicas":-1}}""")).ExpectAsync(422);
        Assert.Contains("spec.replicas", (string?)negative["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AsTable_AnswersMetaV1Table()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web", 2))).ExpectAsync(201);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/apis/apps/v1/namespaces/{ns}/deployments");
        request.Headers.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io");
        var table = await (await _client.SendAsync(request)).ExpectAsync(200);
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal(["Name", "Ready", "Up-to-date", "Available", "Age"],
            table["columnDefinitions"]!.AsArray().Where(c => (int?)c!["priority"] == 0).Select(c => (string)c!["name"]!));
        Assert.Equal("web", (string?)table["rows"]![0]!["cells"]![0]);
        Assert.Equal("0/2", (string?)table["rows"]![0]!["cells"]![1]);
    }

    [Fact]
    public async Task AccessReview_AnswersFromTheSameRules()
    {
        async Task<bool> Allowed(HttpClient client, string verb, string resource, string? subresource = null, string group = "")
        {
            var review = new JsonObject
            {
                ["apiVersion"] = "authorization.k8s.io/v1",
                ["kind"] = "SelfSubjectAccessReview",
                ["spec"] = new JsonObject { ["resourceAttributes"] = new JsonObject { ["verb"] = verb, ["group"] = group, ["resource"] = resource, ["subresource"] = subresource, ["namespace"] = "default" } },
            };
            var answer = await (await client.PostJsonAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review)).ExpectAsync(201);
            return (bool)answer["status"]!["allowed"]!;
        }

        Assert.True(await Allowed(_client, "create", "deployments", group: "apps"));
        Assert.False(await Allowed(_client, "create", "deployments")); // there are no deployments in the core group
        Assert.False(await Allowed(_client, "update", "pods", "status"));
        Assert.True(await Allowed(api.Client(api.SystemToken), "update", "pods", "status"));
    }

    [Fact]
    public async Task Events_SelectedByInvolvedObject()
    {
        var ns = await NewNamespaceAsync();
        foreach (var (name, target) in new[] { ("e1", "web"), ("e2", "db") })
        {
            var ev = JsonNode.Parse($$"""
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"{{name}}"},"involvedObject":{"kind":"Pod","name":"{{target}}","namespace":"{{ns}}"},
                 "reason":"Started","message":"started","type":"Normal"}
                """)!;
            await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/events", ev)).ExpectAsync(201);
        }

        var list = await (await _client.GetAsync($"/api/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3Dweb,involvedObject.kind%3DPod")).ExpectAsync(200);
        Assert.Equal(["e1"], list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
    }

    [Fact]
    public async Task Watch_ManyWatchers_AllSeeAWriteQuickly()
    {
        var ns = await NewNamespaceAsync();
        var list = await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods")).ExpectAsync(200);
        var version = (string)list["metadata"]!["resourceVersion"]!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watchers = Enumerable.Range(0, 50).Select(async _ =>
        {
            using var client = api.Client();
            using var response = await client.GetAsync($"/api/v1/namespaces/{ns}/pods?watch=true&resourceVersion={version}", HttpCompletionOption.ResponseHeadersRead, stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            var line = await reader.ReadLineAsync(stop.Token);
            return (DateTime.UtcNow, JsonNode.Parse(line!)!);
        }).ToList();

        await Task.Delay(1000);
        var written = DateTime.UtcNow;
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("seen"))).ExpectAsync(201);
        var seen = await Task.WhenAll(watchers);
        Assert.All(seen, s => Assert.Equal("seen", (string?)s.Item2["object"]!["metadata"]!["name"]));
        Assert.All(seen, s => Assert.True(s.Item1 - written < TimeSpan.FromSeconds(2), $"seen after {(s.Item1 - written).TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Create_DuplicateOrUnknownField_StrictRefusesWarnWarns()
    {
        const string Body = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","name":"dup"},"spec":{"containers":[{"name":"c","image":"i","imagee":"x"}]}}""";
        var ns = await NewNamespaceAsync();
        var refused = await (await _client.SendJsonAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", Body)).ExpectAsync(400);
        Assert.Equal("strict decoding error: unknown field \"spec.containers[0].imagee\", duplicate field \"metadata.name\"", (string?)refused["message"]);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/dup")).ExpectAsync(404);

        var warned = await _client.SendJsonAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", Body);
        var created = await warned.ExpectAsync(201);
        Assert.Equal("dup", (string?)created["metadata"]!["name"]);
        Assert.Null(created["spec"]!["containers"]![0]!["imagee"]);
        Assert.Contains(warned.Headers.GetValues("Warning"), w => w.Contains("duplicate field", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> Patch(string path, string contentType, string body) =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)) });

    private Task<string> NewNamespaceAsync() => api.NewNamespaceAsync("k");
}
