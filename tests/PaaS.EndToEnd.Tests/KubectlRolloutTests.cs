namespace PaaS.EndToEnd.Tests;

/// <summary>kubectl's rollout commands against the real controllers and scheduler (pods run on the all-in-one's simulated node).</summary>
[Collection(PlatformGroup.Name)]
public sealed class KubectlRolloutTests(PlatformFixture platform)
{
    [Fact]
    public async Task Rollout_StatusHistoryUndoRestartScaleAndDescribe_Work()
    {
        var ns = "r-" + Guid.NewGuid().ToString("N")[..8];
        await Ok("create", "namespace", ns);
        await Ok("create", "deployment", "web", "--image=paas/hello:1", "--replicas=3", "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");

        await Ok("set", "image", "deployment/web", "hello=paas/hello:2", "-n", ns);
        Assert.Contains("successfully rolled out", (await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s")).StandardOutput, StringComparison.Ordinal);
        var history = (await Ok("rollout", "history", "deployment/web", "-n", ns)).StandardOutput;
        Assert.Matches(@"(?m)^1\s", history);
        Assert.Matches(@"(?m)^2\s", history);

        await Ok("rollout", "undo", "deployment/web", "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.Equal("paas/hello:1", (await Ok("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).StandardOutput);
        Assert.Matches(@"(?m)^3\s", (await Ok("rollout", "history", "deployment/web", "-n", ns)).StandardOutput);

        await Ok("rollout", "restart", "deployment/web", "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        await Ok("scale", "deployment/web", "--replicas=5", "-n", ns);
        await Ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.Equal("5", (await Ok("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.status.readyReplicas}")).StandardOutput);

        var described = (await Ok("describe", "deployment", "web", "-n", ns)).StandardOutput;
        Assert.Contains("ScalingReplicaSet", described, StringComparison.Ordinal);
        Assert.Matches(@"Scaled up replica set web-\w+ from \d+ to 5", described);
        Assert.Contains("NewReplicaSetAvailable", described, StringComparison.Ordinal);
    }

    private Task<CliWrap.Buffered.BufferedCommandResult> Ok(params string[] args) => platform.KubectlOkAsync(args);
}
