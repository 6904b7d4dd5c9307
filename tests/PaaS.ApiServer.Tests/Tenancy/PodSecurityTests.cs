using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Tenancy;

/// <summary>Pod security admission: unsafe pods are refused with the field named, and nothing is stored.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class PodSecurityTests(ApiServerFixture fixture)
{
    [Theory]
    [InlineData("privileged", """{"containers":[{"name":"app","image":"paas/hello:1","securityContext":{"privileged":true}}]}""",
        "privileged (container \"app\" must not set spec.containers[0].securityContext.privileged=true)")]
    [InlineData("hostpath", """{"containers":[{"name":"app","image":"paas/hello:1"}],"volumes":[{"name":"root","hostPath":{"path":"/"}}]}""",
        "hostPath volumes (volume \"root\" (spec.volumes[0].hostPath))")]
    [InlineData("hostnetwork", """{"hostNetwork":true,"containers":[{"name":"app","image":"paas/hello:1"}]}""",
        "host namespaces (spec.hostNetwork=true)")]
    public async Task UnsafePods_AreRefused_NamingTheField_AndNothingIsStored(string name, string spec, string violation)
    {
        var (dev, token) = await fixture.NewUserAsync("dev");
        var (_, ns) = await fixture.NewTeamAsync([(dev, "developer")]);
        using var client = fixture.Client(token);
        var pod = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = JsonNode.Parse(spec) };

        var refusal = await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", pod)).ExpectAsync(403);

        Assert.Equal($"pods \"{name}\" is forbidden: violates PodSecurity \"paas-baseline\": {violation}", (string?)refusal["message"]);
        await (await client.GetAsync($"/api/v1/namespaces/{ns[0]}/pods/{name}")).ExpectAsync(404);
    }
}
