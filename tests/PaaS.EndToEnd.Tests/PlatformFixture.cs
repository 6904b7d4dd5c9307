using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;

namespace PaaS.EndToEnd.Tests;

/// <summary>
/// The platform as a user starts it: <c>infra/up.sh</c>, here with its own home folder, port and
/// database so it cannot disturb a platform already running on this machine; <c>infra/down.sh</c> after.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _database = "paas_e2e_" + Guid.NewGuid().ToString("N")[..12];

    public string Root { get; } = FindRoot();

    public string Home { get; } = Directory.CreateTempSubdirectory("paas-e2e-").FullName;

    public string KubeCacheDir { get; } = Directory.CreateTempSubdirectory("paas-kubecache-").FullName;

    public string ApiUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    public string SecureApiUrl { get; } = $"https://127.0.0.1:{FreePort()}";

    public string UpOutput { get; private set; } = "";

    /// <summary>Where the platform's gateway listens (apps at <c>http://&lt;service&gt;.&lt;namespace&gt;.apps.localhost:&lt;port&gt;/</c>).</summary>
    public string GatewayUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>The platform's node on the Docker engine (its own name: a platform already running here has its own node).</summary>
    public string NodeName { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    private Dictionary<string, string?> Environment => new()
    {
        ["PAAS_HOME"] = Home,
        ["PAAS_API_URL"] = ApiUrl,
        ["PAAS_API_SECURE_URL"] = SecureApiUrl,
        ["PAAS_GATEWAY_URL"] = GatewayUrl,
        ["PAAS_NODE_NAME"] = NodeName,
        ["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port=5432;Database={_database};Username=postgres;Password=postgres",
    };

    public async Task InitializeAsync()
    {
        var up = await Cli.Wrap(Path.Combine(Root, "infra/up.sh")).WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        UpOutput = up.StandardOutput + up.StandardError;
        if (up.ExitCode != 0)
        {
            throw new InvalidOperationException("infra/up.sh failed:\n" + UpOutput);
        }
    }

    /// <summary>Runs kubectl against the platform with the kubeconfig up.sh wrote.</summary>
    public async Task<BufferedCommandResult> KubectlAsync(params string[] args) =>
        await Cli.Wrap("kubectl").WithArguments(args)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["KUBECONFIG"] = Path.Combine(Home, "kubeconfig"), ["KUBECACHEDIR"] = KubeCacheDir })
            .WithWorkingDirectory(Root)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    /// <summary>Runs kubectl and fails the test, with kubectl's output, unless it succeeds.</summary>
    public async Task<BufferedCommandResult> KubectlOkAsync(params string[] args)
    {
        var result = await KubectlAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        return result;
    }

    public async Task DisposeAsync()
    {
        await Cli.Wrap(Path.Combine(Root, "infra/down.sh")).WithEnvironmentVariables(Environment).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        // Stopping the platform leaves its pods' containers running (as a kubelet's stop does): remove them, and the
        // namespaces' networks they leave unused.
        await Cli.Wrap("sh").WithArguments(["-c",
                $"docker ps -aq --filter label=paas.dev/node={NodeName} | xargs -r docker rm -f >/dev/null; " +
                "docker network ls -q --filter name=paas-ns- | xargs -r -n1 docker network rm >/dev/null 2>&1; true"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        await Cli.Wrap("su").WithArguments(["postgres", "-c", $"psql -q -c \"DROP DATABASE IF EXISTS {_database} WITH (FORCE)\""])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Directory.Delete(Home, recursive: true);
        Directory.Delete(KubeCacheDir, recursive: true);
    }

    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaaS.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PaaS.sln not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
