using System.Text;
using PaaS.Cli.Commands;
using PaaS.Cli.Config;
using PaaS.Cli.Tests.Http;

namespace PaaS.Cli.Tests.Commands;

/// <summary>What paasctl answers before it talks to any server: usage errors (exit 2), "not logged in" (exit 3), help.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("teams")]
    [InlineData("teams", "add-member", "shop", "alice")]
    [InlineData("teams", "add-member", "shop", "alice", "--role", "boss")]
    [InlineData("quota", "set", "-n", "shop-dev")]
    [InlineData("quota", "set", "pods=1")]
    [InlineData("quota", "set", "-n", "shop-dev", "--team", "shop", "pods=1")]
    [InlineData("quota", "show")]
    [InlineData("tokens", "create", "--expires", "30x")]
    [InlineData("login", "--server", "https://127.0.0.1:6443")]
    [InlineData("login", "--username", "alice", "--token", "t")]
    [InlineData("login", "--token", "t", "--certificate-authority", "ca.crt", "--insecure-skip-tls-verify")]
    [InlineData("-o", "xml", "whoami")]
    [InlineData("completion", "powershell")]
    public async Task Run_BadUsage_ExitsTwoWithErrorLine(params string[] args)
    {
        var (exitCode, output, error) = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("--help'", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task QuotaSet_BadAssignment_ExitsTwoBeforeContactingServer()
    {
        var (exitCode, _, error) = await _cli.RunAsync("quota", "set", "-n", "shop-dev", "pods=10", "cpu:4");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("error: invalid quota \"cpu:4\": expected RESOURCE=QUANTITY, e.g. pods=10 requests.cpu=4 requests.memory=8Gi\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Whoami_NoKubeconfig_ExitsThreeNotLoggedIn()
    {
        var (exitCode, _, error) = await _cli.RunAsync("whoami");

        Assert.Equal(ExitCodes.Unauthorized, exitCode);
        Assert.StartsWith("error: not logged in:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_HttpsWithoutKnownAuthority_TellsWhichOptionToPass()
    {
        var (exitCode, _, error) = await _cli.RunWithInputAsync("secret\n", "login", "--server", "https://127.0.0.1:6443", "-u", "alice", "--password-stdin");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("no certificate authority known for https://127.0.0.1:6443/", error, StringComparison.Ordinal);
        Assert.Contains("--certificate-authority FILE", error, StringComparison.Ordinal);
        Assert.Contains("--insecure-skip-tls-verify", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.KubeconfigPath), "nothing is written when login fails");
    }

    [Fact]
    public async Task Login_UnreachableServer_ExitsOneAndWritesNothing()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var (exitCode, _, error) = await _cli.RunWithInputAsync("secret\n", "login", "--server", "http://127.0.0.1:1", "-u", "alice", "--password-stdin");

        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.StartsWith("error: cannot reach http://127.0.0.1:1/", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.KubeconfigPath));
    }

    [Fact]
    public void KnownAuthority_SameServerInAnotherCluster_IsReused()
    {
        using var ca = TestCertificates.SelfSigned("paas-apiserver");
        var pem = ca.ExportCertificatePem();
        var kubeconfig = Kubeconfig.Empty();
        kubeconfig.SetCluster("other", "https://10.0.0.1:6443", Convert.ToBase64String(Encoding.UTF8.GetBytes("not this one")), false);
        kubeconfig.SetCluster("paas", "https://127.0.0.1:6443/", Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)), false);

        Assert.Equal(pem, LoginCommand.KnownAuthority(kubeconfig, "/tmp/config", new Uri("https://127.0.0.1:6443")));
        Assert.Null(LoginCommand.KnownAuthority(kubeconfig, "/tmp/config", new Uri("https://127.0.0.1:7443")));
    }

    [Fact]
    public async Task Help_Root_ListsCommandsAndExitCodes()
    {
        var (exitCode, output, _) = await _cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        foreach (var command in new[] { "login", "logout", "whoami", "teams", "namespaces", "quota", "tokens", "users", "completion" })
        {
            Assert.Contains($"  {command}", output, StringComparison.Ordinal);
        }

        Assert.Contains("3 not logged in / 401", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ContextWithoutToken_RemovesOnlyThatContext()
    {
        _cli.WriteKubeconfig(k =>
        {
            k.SetCluster("paas", "http://127.0.0.1:1", null, false);
            k.SetUser("admin", "admin-token");
            k.SetContext("admin", "paas", "admin", "default");
            k.SetContext("ghost@paas", "paas", "ghost@paas", "default");
            k.CurrentContext = "ghost@paas";
        });

        var (exitCode, output, error) = await _cli.RunAsync("logout");

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("context \"ghost@paas\" removed", output, StringComparison.Ordinal);
        var kubeconfig = Kubeconfig.Load(_cli.KubeconfigPath);
        Assert.Null(kubeconfig.FindContext("ghost@paas"));
        Assert.NotNull(kubeconfig.FindContext("admin"));
        Assert.Equal("admin-token", kubeconfig.FindUser("admin")?.Token);
        Assert.Null(kubeconfig.CurrentContext);
    }

    public void Dispose() => _cli.Dispose();
}
