using System.Text.Json.Nodes;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>Client-side apply of a real multi-document manifest: create, no-op, change, delete.</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlApplyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Apply_GuestbookTwiceThenChanged_MergesStrategically()
    {
        var ns = "a-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        var manifest = Path.GetFullPath(Path.Combine(platform.Root, "../shared/fixtures/manifests/guestbook-all-in-one.yaml"));

        var first = (await Ok("apply", "-f", manifest, "-n", ns)).StandardOutput;
        Assert.Contains("deployment.apps/frontend created", first, StringComparison.Ordinal);
        var second = (await Ok("apply", "-f", manifest, "-n", ns)).StandardOutput;
        Assert.Equal(6, second.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(" unchanged", StringComparison.Ordinal)));

        // The frontend's env value changes and its only container port goes.
        var text = await File.ReadAllTextAsync(manifest);
        // The frontend Deployment is the file's last document.
        var frontendStart = text.LastIndexOf("kind: Deployment", StringComparison.Ordinal);
        var frontend = text[frontendStart..]
            .Replace("value: dns", "value: env", StringComparison.Ordinal)
            .Replace("        ports:\n        - containerPort: 80\n", "", StringComparison.Ordinal);
        var changed = Path.Combine(platform.Home, $"guestbook-{ns}.yaml");
        await File.WriteAllTextAsync(changed, text[..frontendStart] + frontend);
        var third = (await Ok("apply", "-f", changed, "-n", ns)).StandardOutput;
        Assert.Contains("deployment.apps/frontend configured", third, StringComparison.Ordinal);

        var deployment = (JsonObject)JsonNode.Parse((await Ok("get", "deployment", "frontend", "-n", ns, "-o", "json")).StandardOutput)!;
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("env", (string?)container["env"]![0]!["value"]);
        Assert.Null(container["ports"]);
        Assert.Equal("100m", (string?)container["resources"]!["requests"]!["cpu"]);
        var master = (JsonObject)JsonNode.Parse((await Ok("get", "deployment", "redis-master", "-n", ns, "-o", "json")).StandardOutput)!;
        Assert.Equal(6379, (int?)master["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]);

        await Ok("delete", "-f", changed, "-n", ns);
        Assert.Contains("No resources found", (await Ok("get", "deployments,services", "-n", ns)).StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerSideApply_CreatesUpdatesAndRefusesAnotherManager()
    {
        var ns = "s-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        var file = Path.Combine(platform.Home, $"ssa-{ns}.yaml");
        await File.WriteAllTextAsync(file, (await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns, "--dry-run=client", "-o", "yaml")).StandardOutput);

        Assert.Contains("serverside-applied", (await Ok("apply", "--server-side", "-f", file, "-n", ns)).StandardOutput, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("replicas: 1", "replicas: 4", StringComparison.Ordinal));
        await Ok("apply", "--server-side", "-f", file, "-n", ns);
        Assert.Equal("4", (await Ok("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).StandardOutput);

        var conflict = await platform.KubectlAsync("apply", "--server-side", "--field-manager=other", "-f", file, "-n", ns);
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("is managed by \"kubectl\"", conflict.StandardError, StringComparison.Ordinal);
        await Ok("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", file, "-n", ns);
    }

    private Task<BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
