using System.Net;
using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Tenancy;

/// <summary>
/// The isolation matrix: for every namespaced kind and every verb, a member of team B gets nothing of
/// team A's namespace; across namespaces B sees only B; viewers cannot write; owners manage members only.
/// </summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class IsolationTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task AnotherTeamsNamespace_RefusesEveryVerbOnEveryKind_AndLeaksNothing()
    {
        var (alice, _) = await fixture.NewUserAsync("alice");
        var (bob, bobToken) = await fixture.NewUserAsync("bob");
        var (_, teamA) = await fixture.NewTeamAsync([(alice, "owner")]);
        await fixture.NewTeamAsync([(bob, "owner")]);
        var nsA = teamA[0];
        const string name = "private-thing";
        using var admin = fixture.Client();
        foreach (var (path, body) in Manifests.OneOfEveryNamespacedKind(name))
        {
            await (await admin.PostJsonAsync(Collection(path, nsA), body)).ExpectAsync(201);
        }

        using var bobClient = fixture.Client(bobToken);
        var checkedRequests = 0;
        foreach (var (path, body) in Manifests.OneOfEveryNamespacedKind(name))
        {
            var collection = Collection(path, nsA);
            var item = $"{collection}/{name}";
            var requests = new List<HttpRequestMessage>
            {
                new(HttpMethod.Get, collection),
                new(HttpMethod.Get, collection + "?watch=true&timeoutSeconds=1"),
                new(HttpMethod.Get, item),
                Json(HttpMethod.Post, collection, body.ToJsonString().Replace(name, "bobs-thing", StringComparison.Ordinal)),
                Json(HttpMethod.Put, item, body.ToJsonString()),
                Json(HttpMethod.Patch, item, """{"metadata":{"labels":{"stolen":"yes"}}}""", "application/merge-patch+json"),
                new(HttpMethod.Delete, item),
            };
            if (path.EndsWith("pods", StringComparison.Ordinal) || path.EndsWith("deployments", StringComparison.Ordinal) || path.EndsWith("resourcequotas", StringComparison.Ordinal))
            {
                requests.Add(new HttpRequestMessage(HttpMethod.Get, item + "/status"));
                requests.Add(Json(HttpMethod.Put, item + "/status", body.ToJsonString()));
            }

            if (path.EndsWith("deployments", StringComparison.Ordinal) || path.EndsWith("replicasets", StringComparison.Ordinal))
            {
                requests.Add(new HttpRequestMessage(HttpMethod.Get, item + "/scale"));
                requests.Add(Json(HttpMethod.Patch, item + "/scale", """{"spec":{"replicas":0}}""", "application/merge-patch+json"));
            }

            foreach (var request in requests)
            {
                var description = $"{request.Method} {request.RequestUri}";
                using var response = await bobClient.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{description}: expected 403, got {(int)response.StatusCode}: {text}");
                Assert.DoesNotContain(name, text.Replace($"\"{name}\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
                checkedRequests++;
            }
        }

        // Nothing changed: every object is still there, unlabelled.
        foreach (var (path, _) in Manifests.OneOfEveryNamespacedKind(name))
        {
            var stored = await (await admin.GetAsync($"{Collection(path, nsA)}/{name}")).ExpectAsync(200);
            Assert.Null(stored["metadata"]!["labels"]?["stolen"]);
        }

        Assert.True(checkedRequests >= 80, $"only {checkedRequests} requests checked");
    }

    [Fact]
    public async Task ListsAndWatchesAcrossNamespaces_ShowOnlyTheCallersTeam()
    {
        var (alice, _) = await fixture.NewUserAsync("alice");
        var (bob, bobToken) = await fixture.NewUserAsync("bob");
        var (teamA, nsA) = await fixture.NewTeamAsync([(alice, "developer")]);
        var (teamB, nsB) = await fixture.NewTeamAsync([(bob, "viewer")]);
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{nsA[0]}/configmaps", Manifests.ConfigMap("alpha-config", "k", "v"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{nsB[0]}/configmaps", Manifests.ConfigMap("bravo-config", "k", "v"))).ExpectAsync(201);

        using var bobClient = fixture.Client(bobToken);
        var all = await (await bobClient.GetAsync("/api/v1/configmaps")).ExpectAsync(200);
        var names = all["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToList();
        Assert.Contains("bravo-config", names);
        Assert.DoesNotContain("alpha-config", names);

        var namespaces = await (await bobClient.GetAsync("/api/v1/namespaces")).ExpectAsync(200);
        Assert.Equal(nsB, namespaces["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToArray());
        var teams = await (await bobClient.GetAsync("/apis/paas.dev/v1/teams")).ExpectAsync(200);
        Assert.Equal([teamB], teams["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.GetAsync($"/apis/paas.dev/v1/teams/{teamA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.GetAsync($"/api/v1/namespaces/{nsA[0]}")).StatusCode);
        // A namespace that does not exist answers the same as another team's: existence does not leak.
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.GetAsync("/api/v1/namespaces/no-such-namespace/pods")).StatusCode);

        // A cluster-wide watch started before the writes carries only the caller's namespace.
        using var watchRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/configmaps?watch=true&resourceVersion=" + (string)all["metadata"]!["resourceVersion"]! + "&timeoutSeconds=3");
        var watching = bobClient.SendAsync(watchRequest, HttpCompletionOption.ResponseHeadersRead);
        await Task.Delay(300);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{nsA[0]}/configmaps", Manifests.ConfigMap("alpha-later", "k", "v"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{nsB[0]}/configmaps", Manifests.ConfigMap("bravo-later", "k", "v"))).ExpectAsync(201);
        using var watch = await watching;
        var events = await watch.Content.ReadAsStringAsync();
        Assert.Contains("bravo-later", events, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha-", events, StringComparison.Ordinal);
        Assert.DoesNotContain(nsA[0], events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewers_ReadButNeverWrite_AndDoNotReadSecrets()
    {
        var (viewer, viewerToken) = await fixture.NewUserAsync("viewer");
        var (developer, developerToken) = await fixture.NewUserAsync("dev");
        var (_, ns) = await fixture.NewTeamAsync([(viewer, "viewer"), (developer, "developer")]);
        using var dev = fixture.Client(developerToken);
        foreach (var (path, body) in Manifests.OneOfEveryNamespacedKind("by-dev"))
        {
            var expected = path.EndsWith("resourcequotas", StringComparison.Ordinal) || path.EndsWith("limitranges", StringComparison.Ordinal) || path.EndsWith("leases", StringComparison.Ordinal) ? 403 : 201;
            await (await dev.PostJsonAsync(Collection(path, ns[0]), body)).ExpectAsync(expected);
        }

        using var view = fixture.Client(viewerToken);
        await (await view.GetAsync($"/api/v1/namespaces/{ns[0]}/pods/by-dev")).ExpectAsync(200);
        await (await view.GetAsync($"/apis/apps/v1/namespaces/{ns[0]}/deployments")).ExpectAsync(200);
        await (await view.GetAsync($"/api/v1/namespaces/{ns[0]}/secrets/by-dev")).ExpectAsync(403);
        await (await view.GetAsync($"/api/v1/namespaces/{ns[0]}/secrets")).ExpectAsync(403);
        foreach (var (path, body) in Manifests.OneOfEveryNamespacedKind("by-viewer"))
        {
            await (await view.PostJsonAsync(Collection(path, ns[0]), body)).ExpectAsync(403);
        }

        await (await view.DeleteAsync($"/api/v1/namespaces/{ns[0]}/pods/by-dev")).ExpectAsync(403);
        await (await view.SendJsonAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns[0]}/deployments/by-dev/scale", """{"spec":{"replicas":3}}""", "application/merge-patch+json")).ExpectAsync(403);
        await (await dev.SendJsonAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns[0]}/deployments/by-dev/scale", """{"spec":{"replicas":3}}""", "application/merge-patch+json")).ExpectAsync(200);
        var secret = await (await dev.GetAsync($"/api/v1/namespaces/{ns[0]}/secrets/by-dev")).ExpectAsync(200);
        Assert.Equal(Convert.ToBase64String("s3cr3t-by-dev"u8.ToArray()), (string)secret["data"]!["password"]!);
    }

    [Fact]
    public async Task TeamOwners_ManageMembers_ButNotQuotaNamespacesOrTeams()
    {
        var (owner, ownerToken) = await fixture.NewUserAsync("owner");
        var (developer, developerToken) = await fixture.NewUserAsync("dev");
        var (newcomer, newcomerToken) = await fixture.NewUserAsync("new");
        var (team, ns) = await fixture.NewTeamAsync([(owner, "owner"), (developer, "developer")]);
        using var ownerClient = fixture.Client(ownerToken);
        var current = await (await ownerClient.GetAsync($"/apis/paas.dev/v1/teams/{team}")).ExpectAsync(200);
        current["spec"]!["members"]!.AsArray().Add(new JsonObject { ["name"] = newcomer, ["role"] = "viewer" });
        await (await ownerClient.PutJsonAsync($"/apis/paas.dev/v1/teams/{team}", current)).ExpectAsync(200);
        using var newcomerClient = fixture.Client(newcomerToken);
        await (await newcomerClient.GetAsync($"/api/v1/namespaces/{ns[0]}/pods")).ExpectAsync(200);

        var quota = await (await ownerClient.SendJsonAsync(HttpMethod.Patch, $"/apis/paas.dev/v1/teams/{team}", """{"spec":{"quota":{"hard":{"pods":"1000"}}}}""", "application/merge-patch+json")).ExpectAsync(403);
        Assert.Contains("only admins set the team's quota", (string)quota["message"]!, StringComparison.Ordinal);
        await (await ownerClient.DeleteAsync($"/apis/paas.dev/v1/teams/{team}")).ExpectAsync(403);
        var otherNamespace = Manifests.Namespace($"{team}-extra");
        otherNamespace["metadata"]!["labels"] = new JsonObject { ["paas.dev/team"] = team };
        await (await ownerClient.PostJsonAsync("/api/v1/namespaces", otherNamespace)).ExpectAsync(403);
        await (await ownerClient.PostJsonAsync("/apis/paas.dev/v1/teams", new JsonObject { ["apiVersion"] = "paas.dev/v1", ["kind"] = "Team", ["metadata"] = new JsonObject { ["name"] = "mine" } })).ExpectAsync(403);

        using var developerClient = fixture.Client(developerToken);
        var team2 = await (await developerClient.GetAsync($"/apis/paas.dev/v1/teams/{team}")).ExpectAsync(200);
        await (await developerClient.PutJsonAsync($"/apis/paas.dev/v1/teams/{team}", team2)).ExpectAsync(403);
        await (await developerClient.GetAsync("/api/v1/nodes")).ExpectAsync(403);
    }

    [Fact]
    public async Task NodeAgents_TouchOnlyTheirOwnNodeAndPods()
    {
        var ns = await fixture.NewNamespaceAsync("nodes");
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("on-n1", nodeName: "n1"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("on-n2", nodeName: "n2"))).ExpectAsync(201);
        var used = Manifests.Pod("uses-secret", nodeName: "n1");
        used["spec"]!["containers"]![0]!["env"] = JsonNode.Parse("""[{"name":"P","valueFrom":{"secretKeyRef":{"name":"for-n1","key":"password"}}}]""");
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", used)).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/secrets", Manifests.Secret("for-n1", "password", "x"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/secrets", Manifests.Secret("not-for-n1", "password", "y"))).ExpectAsync(201);

        using var n1 = fixture.Client(await fixture.SystemTokenAsync("system:node:n1"));
        var ownStatus = await (await n1.GetAsync($"/api/v1/namespaces/{ns}/pods/on-n1")).ExpectAsync(200);
        ownStatus["status"] = JsonNode.Parse("""{"phase":"Running"}""");
        await (await n1.PutJsonAsync($"/api/v1/namespaces/{ns}/pods/on-n1/status", ownStatus)).ExpectAsync(200);

        await (await n1.GetAsync($"/api/v1/namespaces/{ns}/pods/on-n2")).ExpectAsync(403);
        var other = await (await admin.GetAsync($"/api/v1/namespaces/{ns}/pods/on-n2")).ExpectAsync(200);
        other["status"] = JsonNode.Parse("""{"phase":"Failed"}""");
        await (await n1.PutJsonAsync($"/api/v1/namespaces/{ns}/pods/on-n2/status", other)).ExpectAsync(403);
        await (await n1.SendJsonAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/pods/on-n2/status", """{"status":{"phase":"Failed"}}""", "application/merge-patch+json")).ExpectAsync(403);
        await (await n1.DeleteAsync($"/api/v1/namespaces/{ns}/pods/on-n2")).ExpectAsync(403);
        await (await n1.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("made-by-node", nodeName: "n1"))).ExpectAsync(403);
        await (await n1.GetAsync($"/api/v1/namespaces/{ns}/pods")).ExpectAsync(403);
        var mine = await (await n1.GetAsync($"/api/v1/pods?fieldSelector=spec.nodeName%3Dn1")).ExpectAsync(200);
        Assert.All(mine["items"]!.AsArray(), p => Assert.Equal("n1", (string)p!["spec"]!["nodeName"]!));
        Assert.Equal("Pending", (string)(await (await admin.GetAsync($"/api/v1/namespaces/{ns}/pods/on-n2")).ExpectAsync(200))["status"]!["phase"]!);

        await (await n1.GetAsync($"/api/v1/namespaces/{ns}/secrets/for-n1")).ExpectAsync(200);
        await (await n1.GetAsync($"/api/v1/namespaces/{ns}/secrets/not-for-n1")).ExpectAsync(403);
        await (await n1.GetAsync($"/api/v1/namespaces/{ns}/secrets")).ExpectAsync(403);

        var node = JsonNode.Parse("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"NAME"}}""")!.AsObject();
        await (await n1.PostJsonAsync("/api/v1/nodes", JsonNode.Parse(node.ToJsonString().Replace("NAME", "n1", StringComparison.Ordinal))!)).ExpectAsync(201);
        await (await n1.PostJsonAsync("/api/v1/nodes", JsonNode.Parse(node.ToJsonString().Replace("NAME", "n2", StringComparison.Ordinal))!)).ExpectAsync(403);
        await (await n1.DeleteAsync("/api/v1/nodes/n1")).ExpectAsync(200);
    }

    private static string Collection(string path, string ns)
    {
        var at = path.LastIndexOf('/');
        return $"/{path[..at]}/namespaces/{ns}/{path[(at + 1)..]}";
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body, string contentType = "application/json") =>
        new(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
}
