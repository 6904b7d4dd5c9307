using System.Net;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Storage;

[Collection(ApiServerTestGroup.Name)]
public sealed class ConcurrencyTests(ApiServerFixture api)
{
    [Fact]
    public async Task Replace_ManyClientsWithSameResourceVersion_ExactlyOneWins()
    {
        var client = api.Client();
        var ns = "c-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.PostJsonAsync("/api/v1/namespaces", Manifests.Namespace(ns))).ExpectAsync(201);
        var created = await (await client.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("race"))).ExpectAsync(201);

        const int Clients = 16;
        var responses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            var attempt = created.DeepClone();
            attempt["spec"]!["replicas"] = i + 2;
            using var own = api.Client();
            return await own.PutJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments/race", attempt);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(Clients - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadObjectAsync();
        var stored = await (await client.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/race")).ExpectAsync(200);
        Assert.Equal((int?)winner["spec"]!["replicas"], (int?)stored["spec"]!["replicas"]);
    }
}
