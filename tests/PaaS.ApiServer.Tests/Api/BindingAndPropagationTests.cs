using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

/// <summary>The scheduler's <c>pods/binding</c> and the delete propagation policies the garbage collector acts on.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class BindingAndPropagationTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task Binding_SetsTheNodeOnce_AndOnlyTheSchedulerMayBind()
    {
        var (dev, devToken) = await fixture.NewUserAsync("binder");
        var (_, ns) = await fixture.NewTeamAsync([(dev, "developer")]);
        using var client = fixture.Client(devToken);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", Manifests.Pod("web"))).ExpectAsync(201);
        var binding = JsonNode.Parse("""{"apiVersion":"v1","kind":"Binding","metadata":{"name":"web"},"target":{"apiVersion":"v1","kind":"Node","name":"n1"}}""")!;

        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods/web/binding", binding)).ExpectAsync(403);
        using var scheduler = fixture.Client(await fixture.SystemTokenAsync("system:scheduler"));
        await (await scheduler.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods/web/binding", binding)).ExpectAsync(201);

        var pod = await (await client.GetAsync($"/api/v1/namespaces/{ns[0]}/pods/web")).ExpectAsync(200);
        Assert.Equal("n1", (string)pod["spec"]!["nodeName"]!);
        var scheduled = pod["status"]!["conditions"]!.AsArray().Single(c => (string)c!["type"]! == "PodScheduled")!;
        Assert.Equal("True", (string)scheduled["status"]!);

        binding["target"]!["name"] = "n2";
        var again = await (await scheduler.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods/web/binding", binding)).ExpectAsync(409);
        Assert.Contains("already assigned to node \"n1\"", (string)again["message"]!, StringComparison.Ordinal);
        binding["target"] = new JsonObject { ["kind"] = "Node" };
        await (await scheduler.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods/web/binding", binding)).ExpectAsync(400);
    }

    [Theory]
    [InlineData("Foreground", "foregroundDeletion")]
    [InlineData("Orphan", "orphan")]
    public async Task ForegroundAndOrphanDeletes_KeepTheOwnerTerminatingWithTheirFinalizer(string policy, string finalizer)
    {
        var ns = await fixture.NewNamespaceAsync("cascade");
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);

        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/apis/apps/v1/namespaces/{ns}/deployments/web", $$"""{"propagationPolicy":"{{policy}}"}""")).ExpectAsync(200);

        var kept = await (await admin.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).ExpectAsync(200);
        Assert.NotNull((string?)kept["metadata"]!["deletionTimestamp"]);
        Assert.Equal([finalizer], kept["metadata"]!["finalizers"]!.AsArray().Select(f => (string)f!).ToArray());

        // Background (the default) deletes the owner at once.
        await (await admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("other"))).ExpectAsync(201);
        await (await admin.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/other")).ExpectAsync(200);
        await (await admin.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/other")).ExpectAsync(404);
    }
}
