using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>
/// paasctl against the platform started by infra/up.sh: an admin sets up a user, teams and a namespace;
/// the user logs in with her own kubeconfig, sees only her team, and hands a token to kubectl.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed partial class PaasctlTests(PlatformFixture platform) : IDisposable
{
    private const string AlicePassword = "alice-e2e-Passw0rd";

    // Built once per test run: infra/up.sh's artifacts/paasctl when present, else built here.
    private static readonly Lazy<Task<string>> Paasctl = new(() => BuildAsync(PlatformFixture.FindRoot()));

    private readonly string _adminConfig = Directory.CreateTempSubdirectory("paasctl-admin-").FullName;
    private readonly string _aliceHome = Directory.CreateTempSubdirectory("paasctl-alice-").FullName;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private string AliceKubeconfig => Path.Combine(_aliceHome, "kubeconfig");

    private string Authority => Path.Combine(platform.Home, "apiserver.crt");

    [Fact]
    public async Task Paasctl_AdminSetsUpTeam_UserLogsInAndHandsTokenToKubectl()
    {
        var (team, otherTeam, ns) = ($"shop-{_suffix}", $"other-{_suffix}", $"shop-{_suffix}-dev");

        // The admin, with the kubeconfig up.sh wrote.
        var created = await AdminOkAsync(AlicePassword + "\n", "users", "create", "alice", "--password-stdin");
        Assert.Contains("user/alice created", created.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Password:", created.StandardOutput, StringComparison.Ordinal);
        await AdminOkAsync("", "teams", "create", team);
        await AdminOkAsync("", "teams", "create", otherTeam);
        await AdminOkAsync("", "teams", "add-member", team, "alice", "--role", "developer");
        await AdminOkAsync("", "namespaces", "create", ns, "--team", team);
        var shown = await AdminOkAsync("", "-o", "json", "teams", "show", team);
        Assert.Contains(JsonNode.Parse(shown.StandardOutput)!["spec"]!["members"]!.AsArray(),
            m => (string?)m!["name"] == "alice" && (string?)m["role"] == "developer");

        // Alice, with a kubeconfig and config folder of her own.
        var login = await AliceOkAsync(AlicePassword + "\n",
            "login", "--server", platform.SecureApiUrl, "--username", "alice", "--password-stdin", "--certificate-authority", Authority);
        Assert.Contains("as alice", login.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AliceKubeconfig));
        var paasctlConfig = Path.Combine(_aliceHome, "xdg", "paasctl", "config.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paasctlConfig));
        var kubeconfig = await File.ReadAllTextAsync(AliceKubeconfig);
        Assert.Contains("current-context: alice@paas", kubeconfig, StringComparison.Ordinal);
        Assert.Contains($"namespace: {ns}", kubeconfig, StringComparison.Ordinal);
        var loginToken = TokenLine().Match(kubeconfig).Groups[1].Value;
        Assert.NotEqual("", loginToken);

        // kubectl reads the kubeconfig paasctl wrote.
        var kubectlWithLogin = await KubectlAsync(["--kubeconfig", AliceKubeconfig, "get", "pods"]);
        Assert.True(kubectlWithLogin.ExitCode == 0, kubectlWithLogin.StandardError);

        var whoami = await AliceOkAsync("", "whoami");
        Assert.Contains("alice", whoami.StandardOutput, StringComparison.Ordinal);
        Assert.Matches($@"{team}\s+developer\s+{ns}", whoami.StandardOutput);

        var teams = JsonNode.Parse((await AliceOkAsync("", "-o", "json", "teams", "list")).StandardOutput)!;
        Assert.Equal([team], teams["items"]!.AsArray().Select(t => (string?)t!["metadata"]!["name"]));
        var teamsTable = (await AliceOkAsync("", "teams", "list")).StandardOutput;
        Assert.Contains(team, teamsTable, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam, teamsTable, StringComparison.Ordinal);

        var forbidden = await AliceAsync("", "namespaces", "create", $"sneaky-{_suffix}", "--team", team);
        Assert.Equal(4, forbidden.ExitCode);
        Assert.StartsWith("error: ", forbidden.StandardError, StringComparison.Ordinal);

        // A token for CI: kubectl works with it until it is revoked.
        var tokenResult = await AliceOkAsync("", "-o", "json", "tokens", "create", "--description", "e2e ci", "--expires", "1h");
        Assert.Contains("cannot be shown again", tokenResult.StandardError, StringComparison.Ordinal);
        var token = JsonNode.Parse(tokenResult.StandardOutput)!;
        var (tokenId, secret) = ((string)token["id"]!, (string)token["token"]!);
        Assert.Contains(tokenId, (await AliceOkAsync("", "tokens", "list")).StandardOutput, StringComparison.Ordinal);

        var withToken = await KubectlWithTokenAsync(secret, "get", "pods", "-n", ns);
        Assert.True(withToken.ExitCode == 0, $"kubectl with the new token failed:\n{withToken.StandardError}");

        await AliceOkAsync("", "tokens", "revoke", tokenId);
        var revoked = await KubectlWithTokenAsync(secret, "get", "pods", "-n", ns);
        Assert.NotEqual(0, revoked.ExitCode);
        Assert.Contains("Unauthorized", revoked.StandardError, StringComparison.Ordinal);

        // Logout revokes the login token and removes alice's context.
        var logout = await AliceOkAsync("", "logout");
        Assert.Contains("alice@paas", logout.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("alice@paas", await File.ReadAllTextAsync(AliceKubeconfig), StringComparison.Ordinal);
        Assert.False(File.Exists(paasctlConfig));
        Assert.Equal(3, (await AliceAsync("", "whoami")).ExitCode);
        var afterLogout = await KubectlWithTokenAsync(loginToken, "get", "pods", "-n", ns);
        Assert.Contains("Unauthorized", afterLogout.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaasctlLogin_WrongPassword_ExitsThreeWithServerMessage()
    {
        var result = await AliceAsync("not-the-password\n",
            "login", "--server", platform.SecureApiUrl, "--username", "admin", "--password-stdin", "--certificate-authority", Authority);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(AliceKubeconfig), "a failed login writes no kubeconfig");
    }

    [Fact]
    public async Task PaasctlQuota_SetOnNamespaceAndTeam_ShowsLimitsWithBars()
    {
        var (team, ns) = ($"quota-{_suffix}", $"quota-{_suffix}-dev");
        await AdminOkAsync("", "teams", "create", team);
        await AdminOkAsync("", "namespaces", "create", ns, "--team", team);

        await AdminOkAsync("", "quota", "set", "-n", ns, "pods=10", "requests.cpu=4");
        await AdminOkAsync("", "quota", "set", "-n", ns, "services=3");
        var quota = JsonNode.Parse((await AdminOkAsync("", "-o", "json", "quota", "show", "-n", ns)).StandardOutput)!;
        var hard = quota["items"]!.AsArray().Single(q => (string?)q!["metadata"]!["name"] == "quota")!["spec"]!["hard"]!;
        Assert.Equal(("10", "4", "3"), ((string?)hard["pods"], (string?)hard["requests.cpu"], (string?)hard["services"]));
        var table = (await AdminOkAsync("", "quota", "show", "-n", ns)).StandardOutput;
        Assert.Matches(@"pods\s+\d+\s+10\s+\[[#-]{20}\] \d+%", table);

        await AdminOkAsync("", "quota", "set", "--team", team, "pods=20");
        var teamTable = (await AdminOkAsync("", "quota", "show", "--team", team)).StandardOutput;
        Assert.Matches(@"pods\s+\d+\s+20\s+\[[#-]{20}\] \d+%", teamTable);

        var invalid = await AdminAsync("", "quota", "set", "-n", ns, "pods=lots");
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("invalid quantity \"lots\" for pods", invalid.StandardError, StringComparison.Ordinal);
    }

    private Task<BufferedCommandResult> AdminAsync(string stdin, params string[] args) =>
        RunAsync(stdin, Path.Combine(platform.Home, "kubeconfig"), _adminConfig, args);

    private Task<BufferedCommandResult> AliceAsync(string stdin, params string[] args) =>
        RunAsync(stdin, AliceKubeconfig, Path.Combine(_aliceHome, "xdg"), args);

    private async Task<BufferedCommandResult> AdminOkAsync(string stdin, params string[] args) => Ok(await AdminAsync(stdin, args), args);

    private async Task<BufferedCommandResult> AliceOkAsync(string stdin, params string[] args) => Ok(await AliceAsync(stdin, args), args);

    private static BufferedCommandResult Ok(BufferedCommandResult result, string[] args)
    {
        Assert.True(result.ExitCode == 0, $"paasctl {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        return result;
    }

    private static async Task<BufferedCommandResult> RunAsync(string stdin, string kubeconfig, string configHome, string[] args) =>
        await Cli.Wrap("dotnet").WithArguments([await Paasctl.Value, .. args])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig, ["XDG_CONFIG_HOME"] = configHome })
            .WithStandardInputPipe(PipeSource.FromString(stdin))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    private Task<BufferedCommandResult> KubectlWithTokenAsync(string token, params string[] args) =>
        KubectlAsync(["--kubeconfig", "/dev/null", "--server", platform.SecureApiUrl, "--token", token, "--certificate-authority", Authority, .. args]);

    private async Task<BufferedCommandResult> KubectlAsync(string[] args) =>
        await Cli.Wrap("kubectl").WithArguments(args)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECACHEDIR"] = platform.KubeCacheDir })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    private static async Task<string> BuildAsync(string root)
    {
        var prebuilt = Path.Combine(root, "artifacts", "paasctl", "paasctl.dll");
        if (File.Exists(prebuilt))
        {
            return prebuilt;
        }

        var output = Path.Combine(root, "artifacts", "paasctl-e2e");
        var build = await Cli.Wrap("dotnet").WithArguments(["build", Path.Combine(root, "src", "PaaS.Cli"), "-c", "Release", "-o", output, "--nologo", "-v", "q"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"building paasctl failed:\n{build.StandardOutput}\n{build.StandardError}");
        }

        return Path.Combine(output, "paasctl.dll");
    }

    public void Dispose()
    {
        Directory.Delete(_adminConfig, recursive: true);
        Directory.Delete(_aliceHome, recursive: true);
    }

    [GeneratedRegex(@"(?m)^\s+token: (\S+)$")]
    private static partial Regex TokenLine();
}
