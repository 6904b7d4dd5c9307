using System.Text;
using System.Text.Json.Nodes;

namespace PaaS.EndToEnd.Tests;

/// <summary>kubectl's own commands for config, secrets, quotas and teams (kubectl sends protobuf for the built-in kinds).</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlTenancyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Kubectl_CreatesSecretsConfigMapsAndQuotas_AndReadsQuotaUsage()
    {
        var ns = "tenancy-" + Guid.NewGuid().ToString("N")[..8];
        await platform.KubectlOkAsync("create", "namespace", ns);
        await platform.KubectlOkAsync("create", "secret", "generic", "db", "--from-literal=password=s3cret", "--from-literal=user=app", "-n", ns);
        await platform.KubectlOkAsync("create", "configmap", "settings", "--from-literal=mode=fast", "-n", ns);
        await platform.KubectlOkAsync("create", "quota", "compute", "--hard=pods=2,requests.cpu=1,secrets=5", "-n", ns);

        var password = (await platform.KubectlOkAsync("get", "secret", "db", "-n", ns, "-o", "jsonpath={.data.password}")).StandardOutput;
        Assert.Equal("s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(password)));
        var secrets = (await platform.KubectlOkAsync("get", "secrets", "-n", ns)).StandardOutput;
        Assert.Matches(@"db\s+Opaque\s+2\s+", secrets);

        await platform.KubectlOkAsync("run", "one", "--image=paas/busybox:1", "--overrides", """{"spec":{"containers":[{"name":"one","image":"paas/busybox:1","resources":{"requests":{"cpu":"300m"}}}]}}""", "-n", ns);
        var quota = JsonNode.Parse((await platform.KubectlOkAsync("get", "quota", "compute", "-n", ns, "-o", "json")).StandardOutput)!;
        Assert.Equal("1", (string?)quota["status"]!["used"]!["pods"]);
        Assert.Equal("300m", (string?)quota["status"]!["used"]!["requests.cpu"]);
        Assert.Equal("1", (string?)quota["status"]!["used"]!["secrets"]);
        var described = (await platform.KubectlOkAsync("describe", "quota", "compute", "-n", ns)).StandardOutput;
        Assert.Matches(@"requests\.cpu\s+300m\s+1", described);

        var refused = await platform.KubectlAsync("run", "two", "--image=paas/busybox:1", "-n", ns);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("failed quota: compute: must specify requests.cpu for: two", refused.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_ManagesTeams_AsACustomKind()
    {
        var team = "kteam-" + Guid.NewGuid().ToString("N")[..6];
        var manifest = Path.Combine(platform.Home, team + ".yaml");
        await File.WriteAllTextAsync(manifest, $"""
            apiVersion: paas.dev/v1
            kind: Team
            metadata:
              name: {team}
            spec:
              members:
              - name: alice
                role: owner
            """);
        await platform.KubectlOkAsync("apply", "-f", manifest);
        await platform.KubectlOkAsync("apply", "-f", manifest); // unchanged
        await platform.KubectlOkAsync("patch", "team", team, "--type=merge", "-p", """{"spec":{"quota":{"hard":{"pods":"50"}}}}""");
        var listed = (await platform.KubectlOkAsync("get", "teams")).StandardOutput;
        Assert.Contains(team, listed, StringComparison.Ordinal);
        var json = JsonNode.Parse((await platform.KubectlOkAsync("get", "team", team, "-o", "json")).StandardOutput)!;
        Assert.Equal("50", (string?)json["spec"]!["quota"]!["hard"]!["pods"]);
        var bad = await platform.KubectlAsync("patch", "team", team, "--type=merge", "-p", """{"spec":{"members":[{"name":"bob","role":"boss"}]}}""");
        Assert.Contains("spec.members[0].role: Unsupported value: \"boss\"", bad.StandardError, StringComparison.Ordinal);
        await platform.KubectlOkAsync("delete", "team", team);
    }
}
