using System.Net;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Identity;

[Collection(ApiServerTestGroup.Name)]
public sealed class AuthenticationTests(ApiServerFixture api)
{
    [Fact]
    public async Task Request_WithoutToken_Answers401Status()
    {
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        var error = await (await anonymous.GetAsync("/api/v1/namespaces")).ExpectAsync(401);
        Assert.Equal("Unauthorized", (string?)error["reason"]);
    }

    [Fact]
    public async Task Request_WithWrongToken_Answers401()
    {
        using var client = api.Client("paas_" + new string('A', 43));
        var response = await client.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Database_HoldsNoPlaintextTokenOrPassword()
    {
        using var client = api.Client();
        await (await client.GetAsync("/api/v1/namespaces")).ExpectAsync(200);

        await using var db = await api.OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        // Every row of every table, as text: neither the admin token nor the system token may appear.
        command.CommandText = """
            SELECT string_agg(t::text, E'\n') FROM (
                SELECT row_to_json(x)::text AS t FROM api_tokens x
                UNION ALL SELECT row_to_json(x)::text FROM identities x
                UNION ALL SELECT row_to_json(x)::text FROM objects x
                UNION ALL SELECT row_to_json(x)::text FROM object_changes x) rows
            """;
        var everything = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("pbkdf2-sha256$", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(api.AdminToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(api.SystemToken, everything, StringComparison.Ordinal);
        Assert.True(api.AdminToken.Length >= 40, "token carries at least 128 random bits");
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutToken()
    {
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        foreach (var path in new[] { "/version", "/healthz", "/readyz", "/api", "/apis", "/apis/apps/v1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
    }
}
