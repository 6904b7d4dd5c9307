using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaaS.ApiServer.Identity;

namespace PaaS.ApiServer.Tests.Infrastructure;

/// <summary>Users, teams and team namespaces for tenancy tests, made the way an admin makes them (through the API).</summary>
internal static class Tenants
{
    /// <summary>A new user (unique name from <paramref name="prefix"/>) and a token for it.</summary>
    public static async Task<(string Name, string Token)> NewUserAsync(this ApiServerFixture fixture, string prefix = "user")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync("/paas/v1/users", new JsonObject { ["name"] = name, ["password"] = "pw-" + Guid.NewGuid() })).ExpectAsync(201);
        var identities = fixture.Services.GetRequiredService<IdentityService>();
        var user = await identities.FindByNameAsync(name, CancellationToken.None);
        var (token, _) = await identities.IssueTokenAsync(user!.Id, "tests", lifetime: null, CancellationToken.None);
        return (name, token);
    }

    /// <summary>A token for a platform part's system identity (system:node:n1, system:scheduler, ...).</summary>
    public static async Task<string> SystemTokenAsync(this ApiServerFixture fixture, string identity)
    {
        var identities = fixture.Services.GetRequiredService<IdentityService>();
        var system = await identities.EnsureSystemIdentityAsync(identity, CancellationToken.None);
        return (await identities.IssueTokenAsync(system.Id, "tests", lifetime: null, CancellationToken.None)).Token;
    }

    /// <summary>A team with the given members and <paramref name="namespaces"/> namespaces assigned to it.</summary>
    public static async Task<(string Team, string[] Namespaces)> NewTeamAsync(this ApiServerFixture fixture, IEnumerable<(string User, string Role)> members, int namespaces = 1, JsonObject? quotaHard = null)
    {
        var team = $"team-{Guid.NewGuid():N}"[..13];
        using var admin = fixture.Client();
        var spec = new JsonObject { ["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["name"] = m.User, ["role"] = m.Role }).ToArray()) };
        if (quotaHard is not null)
        {
            spec["quota"] = new JsonObject { ["hard"] = quotaHard };
        }

        await (await admin.PostJsonAsync("/apis/paas.dev/v1/teams", new JsonObject
        {
            ["apiVersion"] = "paas.dev/v1",
            ["kind"] = "Team",
            ["metadata"] = new JsonObject { ["name"] = team },
            ["spec"] = spec,
        })).ExpectAsync(201);
        var names = new string[namespaces];
        for (var i = 0; i < namespaces; i++)
        {
            names[i] = $"{team}-{i}";
            var ns = Manifests.Namespace(names[i]);
            ns["metadata"]!["labels"] = new JsonObject { ["paas.dev/team"] = team };
            await (await admin.PostJsonAsync("/api/v1/namespaces", ns)).ExpectAsync(201);
        }

        return (team, names);
    }

    public static async Task CreateQuotaAsync(this ApiServerFixture fixture, string ns, string name, JsonObject hard)
    {
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/resourcequotas", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ResourceQuota",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["hard"] = hard },
        })).ExpectAsync(201);
    }
}
