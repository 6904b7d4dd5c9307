using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Namespaces;

[Collection(ApiServerTestGroup.Name)]
public sealed class NamespaceLifecycleTests(ApiServerFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Delete_Namespace_RemovesEverythingThenItself()
    {
        var ns = await NewNamespaceAsync();
        await (await _client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web"))).ExpectAsync(201);
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("p"))).ExpectAsync(201);

        var terminating = await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}")).ExpectAsync(200);
        Assert.Equal("Terminating", (string?)terminating["status"]!["phase"]);

        await WaitUntilGoneAsync($"/api/v1/namespaces/{ns}");
        await (await _client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).ExpectAsync(404);
        await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/p")).ExpectAsync(404);
    }

    [Fact]
    public async Task Create_IntoTerminatingNamespace_IsRefused()
    {
        var ns = await NewNamespaceAsync();
        // A pod bound to a node terminates gracefully, which holds the namespace in Terminating.
        await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("held", "node-1"))).ExpectAsync(201);
        await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}")).ExpectAsync(200);

        var refused = await (await _client.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("late"))).ExpectAsync(403);
        Assert.Contains($"unable to create new content in namespace {ns} because it is being terminated", (string?)refused["message"], StringComparison.Ordinal);

        var ns1 = await (await _client.GetAsync($"/api/v1/namespaces/{ns}")).ExpectAsync(200);
        Assert.Equal("Terminating", (string?)ns1["status"]!["phase"]);

        // The node agent finishes the pod; then the namespace goes.
        await WaitUntilAsync(async () => (await (await _client.GetAsync($"/api/v1/namespaces/{ns}/pods/held")).ReadObjectAsync())["metadata"]?["deletionTimestamp"] is not null);
        await (await _client.DeleteAsync($"/api/v1/namespaces/{ns}/pods/held?gracePeriodSeconds=0")).ExpectAsync(200);
        await WaitUntilGoneAsync($"/api/v1/namespaces/{ns}");
    }

    private async Task WaitUntilGoneAsync(string path) =>
        await WaitUntilAsync(async () => (await _client.GetAsync(path)).StatusCode == System.Net.HttpStatusCode.NotFound);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(100);
        }
    }

    private Task<string> NewNamespaceAsync() => api.NewNamespaceAsync("n");
}
