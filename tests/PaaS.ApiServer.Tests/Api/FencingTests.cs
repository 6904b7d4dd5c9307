using System.Net;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Api;

/// <summary>A write carrying a leader's fencing token is refused once the Lease changed hands.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class FencingTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task WriteFromADeposedLeader_IsRefused_WhileTheCurrentLeaderWrites()
    {
        var ns = await fixture.NewNamespaceAsync("fence");
        var leaseName = "fence-" + Guid.NewGuid().ToString("N")[..8];
        using var controllers = fixture.Client(fixture.SystemToken);
        await (await controllers.PostJsonAsync("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases", new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = leaseName },
            ["spec"] = new JsonObject { ["holderIdentity"] = "a", ["leaseTransitions"] = 1, ["leaseDurationSeconds"] = 15 },
        })).ExpectAsync(201);

        async Task<HttpStatusCode> CreatePodAsync(string name, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods")
            {
                Content = new StringContent(Manifests.Pod(name).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Paas-Fencing", token);
            using var response = await controllers.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Created, await CreatePodAsync("by-a", $"kube-system/{leaseName}/a/1"));

        // b takes over the lease (as the elector does: holder and transition count change together).
        var lease = await (await controllers.GetAsync($"/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/{leaseName}")).ExpectAsync(200);
        lease["spec"]!["holderIdentity"] = "b";
        lease["spec"]!["leaseTransitions"] = 2;
        await (await controllers.PutJsonAsync($"/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/{leaseName}", lease)).ExpectAsync(200);

        Assert.Equal(HttpStatusCode.Conflict, await CreatePodAsync("late-a", $"kube-system/{leaseName}/a/1"));
        Assert.Equal(HttpStatusCode.Created, await CreatePodAsync("by-b", $"kube-system/{leaseName}/b/2"));
        Assert.Equal(HttpStatusCode.BadRequest, await CreatePodAsync("garbled", "not-a-token"));
        await (await controllers.GetAsync($"/api/v1/namespaces/{ns}/pods/late-a")).ExpectAsync(404);
    }
}
