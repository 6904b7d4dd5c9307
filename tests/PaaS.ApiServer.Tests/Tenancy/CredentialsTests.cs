using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Tenancy;

/// <summary>Passwords, tokens and secret values never reach the database in plain text; revoked and expired tokens stop at once.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class CredentialsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task Database_HoldsNoPlaintextPasswordTokenOrSecretValue()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var secretValue = "value-" + Guid.NewGuid().ToString("N");
        var name = $"plain-{Guid.NewGuid():N}"[..14];
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = name, ["password"] = password })).ExpectAsync(201);
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseAddress };
        var login = await (await anonymous.PostAsync("/paas/v1/login", new StringContent(new JsonObject { ["username"] = name, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"))).ExpectAsync(200);
        var token = (string)login["token"]!;
        var ns = await fixture.NewNamespaceAsync("plain");
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/secrets", Manifests.Secret("db", "password", secretValue))).ExpectAsync(201);
        await (await admin.SendJsonAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/secrets/db", new JsonObject { ["data"] = new JsonObject { ["other"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(secretValue + "-2")) } }.ToJsonString(), "application/merge-patch+json")).ExpectAsync(200);

        // The API still serves the value to those who may read it.
        var served = await (await admin.GetAsync($"/api/v1/namespaces/{ns}/secrets/db")).ExpectAsync(200);
        Assert.Equal(secretValue, Encoding.UTF8.GetString(Convert.FromBase64String((string)served["data"]!["password"]!)));
        await Task.Delay(500); // the audit writer flushes in the background

        var forbidden = new[]
        {
            password, token, secretValue, Convert.ToBase64String(Encoding.UTF8.GetBytes(secretValue)),
            secretValue + "-2", Convert.ToBase64String(Encoding.UTF8.GetBytes(secretValue + "-2")),
        };
        await using var db = await fixture.OpenDatabaseAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", db))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("objects", tables);
        Assert.Contains("audit_events", tables);
        foreach (var table in tables)
        {
            await using var dump = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", db);
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                foreach (var value in forbidden)
                {
                    Assert.False(row.Contains(value, StringComparison.Ordinal), $"table {table} holds a plaintext credential");
                }
            }
        }
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce()
    {
        var (_, token) = await fixture.NewUserAsync("revoke");
        using var client = fixture.Client(token);
        var created = await (await client.PostJsonAsync("/paas/v1/tokens", new JsonObject { ["description"] = "ci" })).ExpectAsync(201);
        using var ci = fixture.Client((string)created["token"]!);
        await (await ci.GetAsync("/paas/v1/whoami")).ExpectAsync(200);
        await (await ci.GetAsync("/paas/v1/whoami")).ExpectAsync(200); // now cached

        await (await client.DeleteAsync($"/paas/v1/tokens/{(string)created["id"]!}")).ExpectAsync(200);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ci.GetAsync("/paas/v1/whoami")).StatusCode);
        await (await client.GetAsync("/paas/v1/whoami")).ExpectAsync(200);
        var tokens = await (await client.GetAsync("/paas/v1/tokens")).ExpectAsync(200);
        var listed = tokens["items"]!.AsArray().Single(t => (string)t!["id"]! == (string)created["id"]!)!;
        Assert.NotNull((string?)listed["revokedAt"]);
        Assert.Null(listed["token"]);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused_EvenWhenCached()
    {
        var identities = fixture.Services.GetRequiredService<IdentityService>();
        var (name, _) = await fixture.NewUserAsync("expire");
        var user = await identities.FindByNameAsync(name, CancellationToken.None);
        var (token, _) = await identities.IssueTokenAsync(user!.Id, "short", TimeSpan.FromSeconds(2), CancellationToken.None);
        using var client = fixture.Client(token);
        await (await client.GetAsync("/paas/v1/whoami")).ExpectAsync(200);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/paas/v1/whoami")).StatusCode);
    }

    [Fact]
    public async Task Login_RefusesWrongPasswords_AndLogoutRevokesTheToken()
    {
        var name = $"login-{Guid.NewGuid():N}"[..14];
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = name, ["password"] = "correct horse" })).ExpectAsync(201);
        await (await admin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = name, ["password"] = "correct horse" })).ExpectAsync(409);
        var weak = await (await admin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = name + "x", ["password"] = "short" })).ExpectAsync(400);
        Assert.StartsWith("password: Invalid value", (string)weak["message"]!, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/paas/v1/login", Body(name, "wrong"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/paas/v1/login", Body("nobody-here", "wrong"))).StatusCode);
        var login = await (await anonymous.PostAsync("/paas/v1/login", Body(name, "correct horse"))).ExpectAsync(200);
        using var client = fixture.Client((string)login["token"]!);
        var whoami = await (await client.GetAsync("/paas/v1/whoami")).ExpectAsync(200);
        Assert.Equal(name, (string)whoami["name"]!);
        Assert.False((bool)whoami["admin"]!);
        await (await client.PostAsync("/paas/v1/logout", null)).ExpectAsync(200);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/paas/v1/whoami")).StatusCode);
        // Users are admins' business.
        var (_, userToken) = await fixture.NewUserAsync("nonadmin");
        using var nonAdmin = fixture.Client(userToken);
        await (await nonAdmin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = "sneaky", ["password"] = "long enough" })).ExpectAsync(403);
    }

    private static StringContent Body(string user, string password) =>
        new(new JsonObject { ["username"] = user, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json");
}
