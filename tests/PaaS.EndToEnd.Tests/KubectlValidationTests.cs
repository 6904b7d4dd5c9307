using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>kubectl validates against the server's OpenAPI: unknown fields refused (strict) or warned, and `explain`.</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlValidationTests(PlatformFixture platform)
{
    private const string Misspelled = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          replicass: 2
          selector:
            matchLabels: {app: typo}
          template:
            metadata:
              labels: {app: typo}
            spec:
              containers:
              - name: web
                image: paas/hello:1
                imagee: oops
        """;

    [Fact]
    public async Task Create_UnknownField_IsRefusedByDefaultAndWarnedUnderValidateWarn()
    {
        var file = Path.Combine(platform.Home, $"typo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, Misspelled);

        var strict = await platform.KubectlAsync("apply", "-f", file, "-n", "default");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("unknown field \"spec.replicass\"", strict.StandardError, StringComparison.Ordinal);
        Assert.Contains("unknown field \"spec.template.spec.containers[0].imagee\"", strict.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(0, (await platform.KubectlAsync("get", "deployment", "typo", "-n", "default")).ExitCode);

        var warned = await Ok("apply", "-f", file, "-n", "default", "--validate=warn");
        Assert.Contains("Warning: unknown field \"spec.replicass\"", warned.StandardError, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/typo created", warned.StandardOutput, StringComparison.Ordinal);
        await Ok("delete", "-f", file, "-n", "default");
    }

    [Fact]
    public async Task Explain_DeploymentReplicas_ShowsTypeAndDescription()
    {
        var explain = (await Ok("explain", "deployment.spec.replicas")).StandardOutput;
        Assert.Contains("replicas", explain, StringComparison.Ordinal);
        Assert.Contains("<integer>", explain, StringComparison.Ordinal);
        Assert.Contains("Number of desired pods", explain, StringComparison.Ordinal);
    }

    private Task<BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
