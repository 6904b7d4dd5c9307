using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Tenancy;

/// <summary>Every write is recorded with who, what, when, from where and the outcome; admins can query it.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class AuditTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task Writes_AreRecorded_WithOutcome_AndWithoutBodies()
    {
        var (dev, token) = await fixture.NewUserAsync("audited");
        var (viewer, viewerToken) = await fixture.NewUserAsync("auditview");
        var (_, ns) = await fixture.NewTeamAsync([(dev, "developer"), (viewer, "viewer")]);
        using var client = fixture.Client(token);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/secrets", Manifests.Secret("creds", "password", "never-in-audit"))).ExpectAsync(201);
        using var viewerClient = fixture.Client(viewerToken);
        await (await viewerClient.DeleteAsync($"/api/v1/namespaces/{ns[0]}/secrets/creds")).ExpectAsync(403);

        using var admin = fixture.Client();
        JsonArray records = [];
        for (var i = 0; i < 50 && records.Count == 0; i++)
        {
            await Task.Delay(100);
            records = (await (await admin.GetAsync($"/paas/v1/audit?user={dev}")).ExpectAsync(200))["items"]!.AsArray();
        }

        var create = Assert.Single(records)!;
        Assert.Equal("create", (string)create["verb"]!);
        Assert.Equal("secrets", (string)create["resource"]!);
        Assert.Equal(ns[0], (string)create["namespace"]!);
        Assert.Equal("creds", (string)create["name"]!);
        Assert.Equal(201, (int)create["code"]!);
        Assert.Equal("127.0.0.1", (string)create["sourceIP"]!);
        Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)create["time"]! < TimeSpan.FromMinutes(1));

        var denied = (await (await admin.GetAsync($"/paas/v1/audit?user={viewer}&verb=delete")).ExpectAsync(200))["items"]!.AsArray();
        var refusal = Assert.Single(denied)!;
        Assert.Equal(403, (int)refusal["code"]!);
        Assert.Contains("cannot delete resource \"secrets\"", (string)refusal["message"]!, StringComparison.Ordinal);
        var everything = (await (await admin.GetAsync($"/paas/v1/audit?namespace={ns[0]}&limit=1000")).ExpectAsync(200)).ToJsonString();
        Assert.DoesNotContain("never-in-audit", everything, StringComparison.Ordinal);

        await (await client.GetAsync("/paas/v1/audit")).ExpectAsync(403);
    }
}
