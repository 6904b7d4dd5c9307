using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>
/// kubectl against the all-in-one platform whose node runs pods as real containers on the Docker engine:
/// the seed's hello world, restarts, replacement, logs, configuration and pod security.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlDockerNodeTests(PlatformFixture platform)
{
    [Fact]
    public async Task HelloWorld_RunsAsContainers_RestartsAKilledApp_ReplacesADeletedPod_AndShowsItsLogs()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "deployment", "hello-world", "--image=paas/hello:1", "--port=8080", "--replicas=2", "-n", ns);
        await Ok("rollout", "status", "deployment/hello-world", "-n", ns, "--timeout=90s");
        var pods = await PodsAsync(ns, "app=hello-world");
        Assert.Equal(2, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Equal("Running", (string?)pod["status"]!["phase"]);
            Assert.Equal(platform.NodeName, (string?)pod["spec"]!["nodeName"]);
            Assert.Equal("true", await DockerAsync("inspect", "-f", "{{.State.Running}}", ContainerId(pod)));
        }

        // docker kill of one app container: the agent restarts it; restartCount 1.
        var killed = pods[0];
        var name = (string)killed["metadata"]!["name"]!;
        await DockerAsync("kill", ContainerId(killed));
        await Eventually.WaitAsync(async () =>
        {
            var status = (await Ok("get", "pod", name, "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].ready}")).StandardOutput;
            return status == "1 true";
        }, "the killed container restarted with restartCount 1");
        Assert.Contains("hello v1 listening on :8080", (await Ok("logs", name, "--previous", "-n", ns)).StandardOutput, StringComparison.Ordinal);

        // kubectl delete pod: replaced.
        var deleted = (string)pods[1]["metadata"]!["name"]!;
        await Ok("delete", "pod", deleted, "-n", ns, "--wait=true");
        await Eventually.WaitAsync(async () =>
        {
            var now = await PodsAsync(ns, "app=hello-world");
            return now.Count == 2 && now.All(p => (string?)p["status"]!["phase"] == "Running") && now.All(p => (string)p["metadata"]!["name"]! != deleted);
        }, "the deleted pod was replaced");
        Assert.Empty((await DockerAsync("ps", "-aq", "--filter", $"label=paas.dev/pod-name={deleted}")).Trim());

        Assert.Contains("hello v1 listening on :8080", (await Ok("logs", "deployment/hello-world", "-n", ns)).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsFollow_StreamsNewLines()
    {
        var ns = await NewNamespaceAsync();
        await Ok("run", "ticker", "--image=paas/busybox:1", "-n", ns, "--command", "--", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.5; done");
        await Eventually.WaitAsync(async () => (await Ok("get", "pod", "ticker", "-n", ns, "-o", "jsonpath={.status.phase}")).StandardOutput == "Running", "ticker runs");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var output = new System.Text.StringBuilder();
        try
        {
            await Cli.Wrap("kubectl").WithArguments(["logs", "-f", "ticker", "-n", ns])
                .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = Path.Combine(platform.Home, "kubeconfig"), ["KUBECACHEDIR"] = platform.KubeCacheDir })
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Following never ends by itself: the test stops it.
        }

        var ticks = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("tick ", StringComparison.Ordinal))
            .Select(l => int.Parse(l[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 6, $"expected a stream of ticks, got:\n{output}");
        Assert.Equal(ticks.Order(), ticks);
    }

    [Fact]
    public async Task ASecretAndAConfigMap_ReachTheContainer_AsEnvironmentAndFiles()
    {
        var ns = await NewNamespaceAsync();
        await Ok("create", "configmap", "app-config", "--from-literal=COLOR=blue", "-n", ns);
        await Ok("create", "secret", "generic", "app-secret", "--from-literal=password=s3cret", "-n", ns);
        var manifest = Path.Combine(platform.Home, $"config-{ns}.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: configured
            spec:
              containers:
              - name: app
                image: paas/busybox:1
                command: ["sh", "-c", "echo env: $COLOR $PASSWORD; echo files: $(cat /etc/config/COLOR) $(cat /etc/secret/password); sleep 3600"]
                envFrom:
                - configMapRef: {name: app-config}
                env:
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: app-secret, key: password}}
                volumeMounts:
                - {name: config, mountPath: /etc/config}
                - {name: secret, mountPath: /etc/secret}
              volumes:
              - name: config
                configMap: {name: app-config}
              - name: secret
                secret: {secretName: app-secret}
            """);
        await Ok("apply", "-f", manifest, "-n", ns);

        await Eventually.WaitAsync(async () => (await Ok("logs", "configured", "-n", ns)).StandardOutput.Contains("files:", StringComparison.Ordinal), "the pod printed its configuration");
        var logs = (await Ok("logs", "configured", "-n", ns)).StandardOutput;
        Assert.Contains("env: blue s3cret", logs, StringComparison.Ordinal);
        Assert.Contains("files: blue s3cret", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("privileged", "securityContext: {privileged: true}", "", "spec.containers[0].securityContext.privileged")]
    [InlineData("hostpath", "volumeMounts: [{name: host, mountPath: /host}]", "volumes: [{name: host, hostPath: {path: /etc}}]", "spec.volumes[0].hostPath")]
    [InlineData("hostnet", "", "hostNetwork: true", "spec.hostNetwork")]
    public async Task UnsafePods_AreRefused_NamingTheField(string name, string containerExtra, string specExtra, string field)
    {
        var ns = await NewNamespaceAsync();
        var manifest = Path.Combine(platform.Home, $"{name}-{ns}.yaml");
        await File.WriteAllTextAsync(manifest, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {name}
            spec:
              {specExtra}
              containers:
              - name: app
                image: paas/busybox:1
                {containerExtra}
            """);

        var result = await platform.KubectlAsync("apply", "-f", manifest, "-n", ns);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("violates PodSecurity", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(field, result.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(0, (await platform.KubectlAsync("get", "pod", name, "-n", ns)).ExitCode);
    }

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "dn-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        return ns;
    }

    private async Task<List<JsonNode>> PodsAsync(string ns, string selector)
    {
        var list = JsonNode.Parse((await Ok("get", "pods", "-l", selector, "-n", ns, "-o", "json")).StandardOutput)!;
        return list["items"]!.AsArray().Select(p => p!).Where(p => p["metadata"]!["deletionTimestamp"] is null).ToList();
    }

    private static string ContainerId(JsonNode pod) => ((string)pod["status"]!["containerStatuses"]![0]!["containerID"]!).Replace("docker://", "", StringComparison.Ordinal);

    private static async Task<string> DockerAsync(params string[] args)
    {
        var result = await Cli.Wrap("docker").WithArguments(args).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)} failed: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    private Task<BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
