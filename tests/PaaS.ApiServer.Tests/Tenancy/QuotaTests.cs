using System.Text.Json.Nodes;
using PaaS.ApiServer.Tests.Infrastructure;

namespace PaaS.ApiServer.Tests.Tenancy;

/// <summary>ResourceQuota, the team-wide quota and LimitRange, on the real database, under concurrency.</summary>
[Collection(ApiServerTestGroup.Name)]
public sealed class QuotaTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task FiftyConcurrentCreates_AgainstTenPods_CreateExactlyTen()
    {
        var (dev, token) = await fixture.NewUserAsync("dev");
        var (_, ns) = await fixture.NewTeamAsync([(dev, "developer")]);
        await fixture.CreateQuotaAsync(ns[0], "pods", new JsonObject { ["pods"] = "10" });

        var statuses = await CreateConcurrentlyAsync(token, Enumerable.Range(0, 50).Select(i => (ns[0], Manifests.Pod($"p{i}"))));

        Assert.Equal(10, statuses.Count(s => s.Code == 201));
        Assert.Equal(40, statuses.Count(s => s.Code == 403));
        Assert.All(statuses.Where(s => s.Code == 403), s =>
            Assert.Matches("""^pods "p\d+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=10, limited: pods=10$""", s.Message));
        using var admin = fixture.Client();
        var pods = await (await admin.GetAsync($"/api/v1/namespaces/{ns[0]}/pods")).ExpectAsync(200);
        Assert.Equal(10, pods["items"]!.AsArray().Count);
        var quota = await (await admin.GetAsync($"/api/v1/namespaces/{ns[0]}/resourcequotas/pods")).ExpectAsync(200);
        Assert.Equal("10", (string)quota["status"]!["used"]!["pods"]!);
        Assert.Equal("10", (string)quota["status"]!["hard"]!["pods"]!);
    }

    [Fact]
    public async Task TeamWideCpuQuota_HoldsAcrossTwoNamespaces_UnderConcurrency()
    {
        var (dev, token) = await fixture.NewUserAsync("dev");
        var (team, ns) = await fixture.NewTeamAsync([(dev, "developer")], namespaces: 2, quotaHard: new JsonObject { ["requests.cpu"] = "1" });

        // 50 pods of 100m each, alternating between the two namespaces: exactly 1 CPU's worth fits.
        var statuses = await CreateConcurrentlyAsync(token, Enumerable.Range(0, 50).Select(i => (ns[i % 2], Manifests.PodWithResources($"p{i}", "100m"))));

        Assert.Equal(10, statuses.Count(s => s.Code == 201));
        Assert.Equal(40, statuses.Count(s => s.Code == 403));
        Assert.All(statuses.Where(s => s.Code == 403), s => Assert.Contains($"exceeded quota: team/{team}, requested: requests.cpu=100m, used: requests.cpu=1, limited: requests.cpu=1", s.Message, StringComparison.Ordinal));
        using var admin = fixture.Client();
        var teamObject = await (await admin.GetAsync($"/apis/paas.dev/v1/teams/{team}")).ExpectAsync(200);
        Assert.Equal("1", (string)teamObject["status"]!["quota"]!["used"]!["requests.cpu"]!);
        Assert.Equal(ns, teamObject["status"]!["namespaces"]!.AsArray().Select(n => (string)n!).ToArray());

        // Releasing usage (a delete) makes room again, exactly.
        var created = statuses.First(s => s.Code == 201);
        await (await admin.DeleteAsync($"/api/v1/namespaces/{created.Namespace}/pods/{created.Name}")).ExpectAsync(200);
        using var client = fixture.Client(token);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", Manifests.PodWithResources("after-delete", "100m"))).ExpectAsync(201);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.PodWithResources("one-too-many", "100m"))).ExpectAsync(403);
        var missing = await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.Pod("no-requests"))).ExpectAsync(403);
        Assert.Equal($"pods \"no-requests\" is forbidden: failed quota: team/{team}: must specify requests.cpu for: app", (string)missing["message"]!);
    }

    [Fact]
    public async Task DeploymentBeyondQuota_IsAccepted_ButItsExtraPodsAreRefused()
    {
        var ns = await fixture.NewNamespaceAsync("deploy");
        await fixture.CreateQuotaAsync(ns, "small", new JsonObject { ["pods"] = "2" });
        using var admin = fixture.Client();
        var deployment = await (await admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("web", replicas: 5))).ExpectAsync(201);

        // The pods the replica set controller would create, with the controller's identity.
        using var controllers = fixture.Client(fixture.SystemToken);
        var codes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var pod = Manifests.PodWithResources($"web-{i}", "100m");
            pod["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = "web", ["uid"] = (string)deployment["metadata"]!["uid"]!, ["controller"] = true,
            });
            codes.Add((int)(await controllers.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", pod)).StatusCode);
        }

        Assert.Equal([201, 201, 403, 403, 403], codes);
    }

    [Fact]
    public async Task QuotaUsage_FollowsPodsThatFinish_AndCountsOtherKinds()
    {
        var ns = await fixture.NewNamespaceAsync("usage");
        await fixture.CreateQuotaAsync(ns, "mixed", new JsonObject
        {
            ["pods"] = "5", ["requests.cpu"] = "2", ["limits.memory"] = "1Gi", ["configmaps"] = "1", ["secrets"] = "3",
            ["services"] = "1", ["count/deployments.apps"] = "1",
        });
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.PodWithResources("a", "250m"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.PodWithResources("b", "0.5"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/configmaps", Manifests.ConfigMap("one", "k", "v"))).ExpectAsync(201);
        var second = await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/configmaps", Manifests.ConfigMap("two", "k", "v"))).ExpectAsync(403);
        Assert.Equal("configmaps \"two\" is forbidden: exceeded quota: mixed, requested: configmaps=1, used: configmaps=1, limited: configmaps=1", (string)second["message"]!);
        await (await admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("d1"))).ExpectAsync(201);
        await (await admin.PostJsonAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Deployment("d2"))).ExpectAsync(403);
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/services", Manifests.Service("s1"))).ExpectAsync(201);

        var used = await UsedAsync(ns, "mixed");
        Assert.Equal("2", used["pods"]);
        Assert.Equal("750m", used["requests.cpu"]);
        Assert.Equal("128Mi", used["limits.memory"]);
        Assert.Equal("1", used["configmaps"]);
        Assert.Equal("1", used["count/deployments.apps"]);
        Assert.Equal("1", used["services"]);

        // A pod that finished no longer counts (status written by the platform's identity).
        using var system = fixture.Client(fixture.SystemToken);
        await (await system.SendJsonAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/pods/b/status", """{"status":{"phase":"Succeeded"}}""", "application/merge-patch+json")).ExpectAsync(200);
        used = await UsedAsync(ns, "mixed");
        Assert.Equal("1", used["pods"]);
        Assert.Equal("250m", used["requests.cpu"]);
        await (await admin.DeleteAsync($"/api/v1/namespaces/{ns}/pods/a")).ExpectAsync(200);
        used = await UsedAsync(ns, "mixed");
        Assert.Equal("0", used["pods"]);
        Assert.Equal("0", used["requests.cpu"]);
    }

    [Fact]
    public async Task QuotasAddedLater_CountWhatIsAlreadyThere()
    {
        var (dev, token) = await fixture.NewUserAsync("dev");
        var (team, ns) = await fixture.NewTeamAsync([(dev, "developer")], namespaces: 2);
        using var client = fixture.Client(token);
        for (var i = 0; i < 3; i++)
        {
            await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", Manifests.PodWithResources($"early-{i}", "200m"))).ExpectAsync(201);
        }

        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.PodWithResources("other", "300m"))).ExpectAsync(201);

        // A namespace quota over existing pods: the next pod fits, the one after does not.
        await fixture.CreateQuotaAsync(ns[0], "late", new JsonObject { ["pods"] = "4" });
        Assert.Equal("3", (await UsedAsync(ns[0], "late"))["pods"]);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", Manifests.PodWithResources("fourth", "200m"))).ExpectAsync(201);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[0]}/pods", Manifests.PodWithResources("fifth", "200m"))).ExpectAsync(403);

        // A team quota set afterwards counts both namespaces: 800m + 300m used, 1200m allowed.
        using var admin = fixture.Client();
        await (await admin.SendJsonAsync(HttpMethod.Patch, $"/apis/paas.dev/v1/teams/{team}", """{"spec":{"quota":{"hard":{"requests.cpu":"1200m"}}}}""", "application/merge-patch+json")).ExpectAsync(200);
        var teamObject = await (await admin.GetAsync($"/apis/paas.dev/v1/teams/{team}")).ExpectAsync(200);
        Assert.Equal("1100m", (string)teamObject["status"]!["quota"]!["used"]!["requests.cpu"]!);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.PodWithResources("fits", "100m"))).ExpectAsync(201);
        var over = await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.PodWithResources("over", "100m"))).ExpectAsync(403);
        Assert.Contains($"exceeded quota: team/{team}, requested: requests.cpu=100m, used: requests.cpu=1200m, limited: requests.cpu=1200m", (string)over["message"]!, StringComparison.Ordinal);

        // Lifting the team quota lifts the limit at once.
        await (await admin.SendJsonAsync(HttpMethod.Patch, $"/apis/paas.dev/v1/teams/{team}", """{"spec":{"quota":null}}""", "application/merge-patch+json")).ExpectAsync(200);
        await (await client.PostJsonAsync($"/api/v1/namespaces/{ns[1]}/pods", Manifests.PodWithResources("over", "100m"))).ExpectAsync(201);
    }

    [Fact]
    public async Task LimitRange_DefaultsMissingResources_AndRefusesPodsOutsideItsBounds()
    {
        var ns = await fixture.NewNamespaceAsync("limits");
        using var admin = fixture.Client();
        await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/limitranges", JsonNode.Parse("""
            { "apiVersion": "v1", "kind": "LimitRange", "metadata": { "name": "defaults" },
              "spec": { "limits": [ { "type": "Container", "default": { "cpu": "500m", "memory": "256Mi" },
                "defaultRequest": { "cpu": "200m", "memory": "128Mi" }, "max": { "cpu": "1" }, "min": { "cpu": "100m" } } ] } }
            """)!)).ExpectAsync(201);

        var defaulted = await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.Pod("plain"))).ExpectAsync(201);
        var resources = defaulted["spec"]!["containers"]![0]!["resources"]!;
        Assert.Equal("200m", (string)resources["requests"]!["cpu"]!);
        Assert.Equal("128Mi", (string)resources["requests"]!["memory"]!);
        Assert.Equal("500m", (string)resources["limits"]!["cpu"]!);
        Assert.Equal("256Mi", (string)resources["limits"]!["memory"]!);

        var tooBig = await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.PodWithResources("big", "2"))).ExpectAsync(403);
        Assert.Equal("pods \"big\" is forbidden: [maximum cpu usage per Container is 1, but limit is 2]", (string)tooBig["message"]!);
        var tooSmall = await (await admin.PostJsonAsync($"/api/v1/namespaces/{ns}/pods", Manifests.PodWithResources("small", "50m"))).ExpectAsync(403);
        Assert.Contains("minimum cpu usage per Container is 100m, but request is 50m", (string)tooSmall["message"]!, StringComparison.Ordinal);
        await (await admin.GetAsync($"/api/v1/namespaces/{ns}/pods/big")).ExpectAsync(404);
    }

    private async Task<Dictionary<string, string>> UsedAsync(string ns, string quota)
    {
        using var admin = fixture.Client();
        var body = await (await admin.GetAsync($"/api/v1/namespaces/{ns}/resourcequotas/{quota}")).ExpectAsync(200);
        return body["status"]!["used"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
    }

    private async Task<List<(string Namespace, string Name, int Code, string Message)>> CreateConcurrentlyAsync(string token, IEnumerable<(string Namespace, JsonObject Pod)> pods)
    {
        using var client = fixture.Client(token);
        using var start = new SemaphoreSlim(0);
        var tasks = pods.Select(async p =>
        {
            await start.WaitAsync();
            using var response = await client.PostJsonAsync($"/api/v1/namespaces/{p.Namespace}/pods", p.Pod);
            var body = await response.ReadObjectAsync();
            return (p.Namespace, (string)p.Pod["metadata"]!["name"]!, (int)response.StatusCode, (string?)body["message"] ?? "");
        }).ToList();
        start.Release(tasks.Count);
        return (await Task.WhenAll(tasks)).ToList();
    }
}
