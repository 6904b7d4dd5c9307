using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>Real kubectl 1.32 against the platform started by infra/up.sh: the foundation's user journey.</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlTests(PlatformFixture platform)
{
    [Fact]
    public async Task UpScript_PrintsAddressesAndAdminPasswordOnce()
    {
        Assert.Contains(platform.ApiUrl, platform.UpOutput, StringComparison.Ordinal);
        Assert.Contains("Admin user:            admin / ", platform.UpOutput, StringComparison.Ordinal);
        Assert.Contains("kubectl", platform.UpOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(platform.Home, "admin-password")), "the password file is removed after it is shown");
        Assert.True(File.Exists(Path.Combine(platform.Home, "paas.pid")));
    }

    [Fact]
    public async Task Kubectl_NamespaceAndDeploymentJourney_Works()
    {
        var ns = "demo-" + Guid.NewGuid().ToString("N")[..6];
        var namespaces = await Ok("get", "namespaces");
        Assert.Contains("default", namespaces.StandardOutput, StringComparison.Ordinal);

        // Typed command: kubectl sends this body as Kubernetes protobuf.
        await Ok("create", "namespace", ns);
        Assert.Contains(ns, (await Ok("get", "namespaces")).StandardOutput, StringComparison.Ordinal);

        // JSON from a real manifest, stored as written.
        var fixture = Path.GetFullPath(Path.Combine(platform.Root, "../shared/fixtures/manifests/frontend-deployment.yaml"));
        await Ok("create", "-f", fixture, "-n", ns, "--validate=false");
        var yaml = (await Ok("get", "deployment", "frontend", "-n", ns, "-o", "yaml")).StandardOutput;
        Assert.Contains("image: gcr.io/google-samples/gb-frontend:v5", yaml, StringComparison.Ordinal);
        Assert.Contains("replicas: 3", yaml, StringComparison.Ordinal);
        Assert.Contains("app: guestbook", yaml, StringComparison.Ordinal);
        Assert.Contains("cpu: 100m", yaml, StringComparison.Ordinal);

        // Protobuf again, for a workload.
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "-n", ns);
        var web = (await Ok("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.labels.app}")).StandardOutput;
        Assert.Equal("paas/hello:1 web", web);

        await Ok("delete", "deployment", "frontend", "-n", ns);
        var gone = await platform.KubectlAsync("get", "deployment", "frontend", "-n", ns);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.StandardError, StringComparison.Ordinal);

        await Ok("delete", "namespace", ns, "--timeout=60s");
        var nsGone = await platform.KubectlAsync("get", "namespace", ns);
        Assert.Contains("NotFound", nsGone.StandardError, StringComparison.Ordinal);
        var leftovers = await platform.KubectlAsync("get", "deployment", "web", "-n", ns);
        Assert.Contains("NotFound", leftovers.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_InvalidObject_ShowsFieldError()
    {
        var result = await platform.KubectlAsync("create", "deployment", "bad", "--image=paas/hello:1", "--replicas=-1", "-n", "default");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_WithoutToken_IsUnauthorized()
    {
        var result = await CliWrap.Cli.Wrap("kubectl").WithArguments(["--server", platform.SecureApiUrl, "--insecure-skip-tls-verify", "--token", "nope", "get", "namespaces"])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = "/dev/null", ["KUBECACHEDIR"] = platform.KubeCacheDir })
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unauthorized", result.StandardError, StringComparison.Ordinal);
    }

    private Task<BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
