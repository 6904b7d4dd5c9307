using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

[Collection(ApiServerTestGroup.Name)]
public sealed class ResourceApiTests(ApiServerFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Create_Deployment_StoresItWithServerMetadataAndDefaults()
    {
        var ns = await NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web", 2))).ExpectAsync(201);

        var meta = created["metadata"]!;
        Assert.Equal("web", (string?)meta["name"]);
        Assert.Equal(ns, (string?)meta["namespace"]);
        Assert.True(Guid.TryParse((string?)meta["uid"], out _));
        Assert.True(long.Parse((string)meta["resourceVersion"]!) > 0);
        Assert.Equal(1, (long?)meta["generation"]);
        Assert.NotNull(meta["creationTimestamp"]);
        Assert.Equal("RollingUpdate", (string?)created["spec"]!["strategy"]!["type"]);
        Assert.Equal(10, (int?)created["spec"]!["revisionHistoryLimit"]);
        Assert.Equal("IfNotPresent", (string?)created["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"]);

        var read = await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).ExpectAsync(200);
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Replace_SpecChange_BumpsGenerationButStatusIsIgnored()
    {
        var ns = await NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);

        created["spec"]!["replicas"] = 5;
        created["status"] = new JsonObject { ["replicas"] = 99 };
        var replaced = await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web", created)).ExpectAsync(200);
        Assert.Equal(2, (long?)replaced["metadata"]!["generation"]);
        Assert.Equal(5, (int?)replaced["spec"]!["replicas"]);
        Assert.Null(replaced["status"]);

        // A label change is metadata: no new generation.
        replaced["metadata"]!["labels"]!["tier"] = "frontend";
        var relabelled = await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web", replaced)).ExpectAsync(200);
        Assert.Equal(2, (long?)relabelled["metadata"]!["generation"]);
        Assert.Equal("frontend", (string?)relabelled["metadata"]!["labels"]!["tier"]);
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_Answers409()
    {
        var ns = await NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        var first = created.DeepClone();
        first["spec"]!["replicas"] = 2;
        await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web", first)).ExpectAsync(200);

        created["spec"]!["replicas"] = 3;
        var conflict = await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web", created)).ExpectAsync(409);
        Assert.Equal("Conflict", (string?)conflict["reason"]);
        Assert.Contains("the object has been modified", (string?)conflict["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusSubresource_OnlySystemIdentitiesWrite_AndOnlyStatusChanges()
    {
        var ns = await NewNamespaceAsync();
        var created = await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        created["status"] = new JsonObject { ["replicas"] = 1, ["observedGeneration"] = 1 };
        created["spec"]!["replicas"] = 7;

        var denied = await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web/status", created)).ExpectAsync(403);
        Assert.Contains("only the platform's system identities write status", (string?)denied["message"], StringComparison.Ordinal);

        var updated = await (await api.Client(api.SystemToken).PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web/status", created)).ExpectAsync(200);
        Assert.Equal(1, (int?)updated["status"]!["replicas"]);
        Assert.Equal(1, (int?)updated["spec"]!["replicas"]);
        Assert.Equal(1, (long?)updated["metadata"]!["generation"]);
    }

    [Fact]
    public async Task List_FiltersByLabelAndFieldSelectors()
    {
        var ns = await NewNamespaceAsync();
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "web"), ("c", "db") })
        {
            var pod = Manifests.Pod(name, nodeName: name == "c" ? "node-1" : null);
            pod["metadata"]!["labels"] = new JsonObject { ["tier"] = tier };
            await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", pod)).ExpectAsync(201);
        }

        async Task<string[]> Names(string query)
        {
            var list = await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods?{query}")).ExpectAsync(200);
            Assert.Equal("PodList", (string?)list["kind"]);
            return list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToArray();
        }

        Assert.Equal(["a", "b"], await Names("labelSelector=tier%3Dweb"));
        Assert.Equal(["c"], await Names("labelSelector=tier%20in%20(db,cache)"));
        Assert.Equal(["a", "b"], await Names("labelSelector=tier!%3Ddb"));
        Assert.Equal(["c"], await Names("fieldSelector=spec.nodeName%3Dnode-1"));
        Assert.Equal(["a", "b"], await Names("fieldSelector=spec.nodeName%3D"));
        Assert.Equal(["b"], await Names("fieldSelector=metadata.name%3Db,status.phase%3DPending"));
        var bad = await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods?fieldSelector=spec.image%3Dx")).ExpectAsync(400);
        Assert.Contains("field label not supported: spec.image", (string?)bad["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_UnboundPodGoesAtOnce_BoundPodWaitsWithDeletionTimestamp()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("unbound"))).ExpectAsync(201);
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("bound", "node-1"))).ExpectAsync(201);

        await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}/pods/unbound")).ExpectAsync(200);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/unbound")).ExpectAsync(404);

        var terminating = await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}/pods/bound")).ExpectAsync(200);
        Assert.NotNull(terminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(30, (long?)terminating["metadata"]!["deletionGracePeriodSeconds"]);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/bound")).ExpectAsync(200);

        // The node agent's final delete: grace period zero.
        await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}/pods/bound?gracePeriodSeconds=0")).ExpectAsync(200);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/bound")).ExpectAsync(404);
    }

    [Fact]
    public async Task Delete_ObjectWithFinalizer_WaitsUntilFinalizerRemoved()
    {
        var ns = await NewNamespaceAsync();
        var deployment = Manifests.Deployment("held");
        deployment["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", deployment)).ExpectAsync(201);

        var marked = await (await _client.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/held")).ExpectAsync(200);
        Assert.NotNull(marked["metadata"]!["deletionTimestamp"]);

        marked["metadata"]!.AsObject().Remove("finalizers");
        await (await _client.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/held", marked)).ExpectAsync(200);
        await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/held")).ExpectAsync(404);
    }

    [Fact]
    public async Task ClusterScopedNodes_AreServedWithoutNamespace()
    {
        var node = JsonNode.Parse("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a","labels":{"zone":"z1"}},"status":{"capacity":{"cpu":"2","memory":"4Gi"}}}""")!;
        var created = await (await _client.PostJsonAsync("/api/v1/nodes", node)).ExpectAsync(201);
        Assert.Null(created["metadata"]!["namespace"]);
        Assert.Equal("4Gi", (string?)created["status"]!["capacity"]!["memory"]);
        await (await _client.GetAsync("/api/v1/nodes/node-a")).ExpectAsync(200);
        await (await _client.DeleteAsync("/api/v1/nodes/node-a")).ExpectAsync(200);
    }

    [Fact]
    public async Task Discovery_ListsKindsWithShortNames()
    {
        var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var core = await (await anonymous.GetAsync("/api/v1")).ExpectAsync(200);
        var pods = core["resources"]!.AsArray().Single(r => (string?)r!["name"] == "pods")!;
        Assert.Equal("po", (string?)pods["shortNames"]![0]);
        var groups = await (await anonymous.GetAsync("/apis")).ExpectAsync(200);
        Assert.Contains(groups["groups"]!.AsArray(), g => (string?)g!["name"] == "apps");
        await (await anonymous.GetAsync("/version")).ExpectAsync(200);
    }

    private Task<string> NewNamespaceAsync() => api.NewNamespaceAsync("t");
}
