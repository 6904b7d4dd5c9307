using CliWrap;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

public sealed class DockerComposeTests
{
    [Fact]
    public async Task ComposeFile_IsValid()
    {
        var root = PlatformFixture.FindRoot();
        var result = await Cli.Wrap("docker-compose").WithArguments(["-f", Path.Combine(root, "docker-compose.yml"), "config"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("image: postgres:15", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("image: rabbitmq:3.10", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/var/run/docker.sock", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("infra/Dockerfile", result.StandardOutput, StringComparison.Ordinal);
    }
}
