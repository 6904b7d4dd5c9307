using System.Diagnostics;
using System.Text.Json.Nodes;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>kubectl's everyday verbs beyond create/get/delete: patch in all three types, scale, set, label, tables, watch, can-i.</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlVerbsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Kubectl_ScaleSetLabelAnnotate_ChangeTheDeployment()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns);

        await Ok("scale", "deployment", "web", "--replicas=3", "-n", ns);
        await Ok("set", "image", "deployment/web", "hello=paas/hello:2", "-n", ns);
        await Ok("set", "env", "deployment/web", "GREETING=hi", "-n", ns);
        await Ok("label", "deployment", "web", "tier=frontend", "-n", ns);
        await Ok("annotate", "deployment", "web", "owner=team-a", "-n", ns);

        var web = await GetJsonAsync("deployment", "web", "-n", ns);
        Assert.Equal(3, (int?)web["spec"]!["replicas"]);
        var container = web["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("paas/hello:2", (string?)container["image"]);
        Assert.Equal("GREETING", (string?)container["env"]![0]!["name"]);
        Assert.Equal("frontend", (string?)web["metadata"]!["labels"]!["tier"]);
        Assert.Equal("team-a", (string?)web["metadata"]!["annotations"]!["owner"]);
        Assert.Equal(4, (long?)web["metadata"]!["generation"]);
    }

    [Theory]
    [InlineData("json", """[{"op":"replace","path":"/spec/replicas","value":4}]""")]
    [InlineData("merge", """{"spec":{"replicas":4}}""")]
    [InlineData("strategic", """{"spec":{"replicas":4}}""")]
    public async Task Kubectl_PatchEachType_Applies(string patchType, string patch)
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns);
        await Ok("patch", "deployment", "web", "--type", patchType, "-p", patch, "-n", ns);
        Assert.Equal(4, (int?)(await GetJsonAsync("deployment", "web", "-n", ns))["spec"]!["replicas"]);
    }

    [Fact]
    public async Task Kubectl_StrategicPatch_MergesContainersByName()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "two", "--image=paas/hello:1", "--image=paas/busybox:1", "-n", ns);
        await Ok("patch", "deployment", "two", "-n", ns, "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"busybox","image":"paas/busybox:2"}]}}}}""");
        var containers = (await GetJsonAsync("deployment", "two", "-n", ns))["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["paas/hello:1", "paas/busybox:2"], containers.Select(c => (string)c!["image"]!));
    }

    [Fact]
    public async Task Kubectl_Get_PrintsServerSideColumns()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "--replicas=2", "-n", ns);
        var table = (await Ok("get", "deployments", "-n", ns)).StandardOutput;
        Assert.Contains("READY", table, StringComparison.Ordinal);
        Assert.Contains("UP-TO-DATE", table, StringComparison.Ordinal);
        // The controllers run in this platform, so the counts may already be moving: match the shape.
        Assert.Matches(@"web\s+[0-2]/2\s+[0-2]\s+[0-2]\s+\d+s", table);
        var wide = (await Ok("get", "deploy", "-o", "wide", "-n", ns)).StandardOutput;
        Assert.Contains("paas/hello:1", wide, StringComparison.Ordinal);
        Assert.Contains("app=web", wide, StringComparison.Ordinal);
        var all = (await Ok("get", "all", "-n", ns)).StandardOutput;
        Assert.Contains("deployment.apps/web", all, StringComparison.Ordinal);
        var name = (await Ok("get", "deploy", "-o", "name", "-n", ns)).StandardOutput.Trim();
        Assert.Equal("deployment.apps/web", name);
    }

    [Fact]
    public async Task Kubectl_AuthCanI_AnswersFromRealPermissions()
    {
        Assert.Equal("yes", (await Ok("auth", "can-i", "create", "deployments", "-n", "default")).StandardOutput.Trim());
        var status = await platform.KubectlAsync("auth", "can-i", "update", "pods", "--subresource=status", "-n", "default");
        Assert.NotEqual(0, status.ExitCode);
        Assert.StartsWith("no - ", status.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_GetPodsWatch_SeesAChangeByAnotherClient()
    {
        var ns = await NewNamespaceAsync();
        await Ok("run", "solo", "--image=paas/busybox:1", "-n", ns, "--", "sleep", "3600");
        var output = new System.Text.StringBuilder();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watch = CliWrap.Cli.Wrap("kubectl").WithArguments(["get", "pods", "-w", "-n", ns, "-o", "jsonpath={.metadata.name}:{.metadata.labels.stage}{\"\\n\"}"])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = Path.Combine(platform.Home, "kubeconfig"), ["KUBECACHEDIR"] = platform.KubeCacheDir })
            .WithStandardOutputPipe(CliWrap.PipeTarget.ToStringBuilder(output))
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync(stop.Token);

        var sw = Stopwatch.StartNew();
        while (!output.ToString().Contains("solo:", StringComparison.Ordinal) && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        await Ok("label", "pod", "solo", "stage=canary", "-n", ns);
        while (!output.ToString().Contains("solo:canary", StringComparison.Ordinal) && sw.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        try
        {
            await watch;
        }
        catch (OperationCanceledException)
        {
            // Stopping the watch is how it ends.
        }

        Assert.Contains("solo:canary", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_EditWithScriptedEditor_SavesTheChange()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns);
        var editor = Path.Combine(platform.Home, $"editor-{ns}.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i 's/replicas: 1/replicas: 6/' \"$1\"\n");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = await CliWrap.Cli.Wrap("kubectl").WithArguments(["edit", "deployment", "web", "-n", ns])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = Path.Combine(platform.Home, "kubeconfig"), ["KUBECACHEDIR"] = platform.KubeCacheDir, ["KUBE_EDITOR"] = editor })
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(6, (int?)(await GetJsonAsync("deployment", "web", "-n", ns))["spec"]!["replicas"]);
    }

    [Fact]
    public async Task Kubectl_OutputFormatsAndSelectors_Work()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns);
        await Ok("create", "deployment", "db", "--image=paas/busybox:1", "-n", ns);
        await Ok("label", "deployment", "db", "tier=data", "-n", ns);

        Assert.Equal("db", (await Ok("get", "deploy", "-l", "tier=data", "-n", ns, "-o", "jsonpath={.items[*].metadata.name}")).StandardOutput);
        Assert.Contains("kind: Deployment", (await Ok("get", "deploy", "web", "-n", ns, "-o", "yaml")).StandardOutput, StringComparison.Ordinal);
        Assert.Equal("Deployment", (string?)(await GetJsonAsync("deploy", "web", "-n", ns))["kind"]);
        var everywhere = (await Ok("get", "deployments", "-A")).StandardOutput;
        Assert.Matches($@"{ns}\s+web\s+[01]/1", everywhere); // 1/1 once the (simulated) node runs it
        Assert.Contains("NAMESPACE", everywhere, StringComparison.Ordinal);
    }

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "v-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        return ns;
    }

    private async Task<JsonObject> GetJsonAsync(params string[] args) =>
        (JsonObject)JsonNode.Parse((await Ok(["get", .. args, "-o", "json"])).StandardOutput)!;

    private Task<BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
