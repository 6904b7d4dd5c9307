using System.Net;
using System.Net.Sockets;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaaS.ApiServer;
using PaaS.Host;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// The platform's control-plane roles hosted in-process against the real PostgreSQL and RabbitMQ (a fresh
/// database per fixture), with <b>simulated</b> nodes (in-memory runtime). Each part talks to the API
/// server through its own system identity's kubeconfig, written before the host starts, as infra/up.sh does.
/// </summary>
public sealed class ControlPlaneFixture() : PlatformFixture("api,agent,controllers,scheduler", Nodes)
{
    public const int Nodes = 3;
}

/// <summary>
/// A platform running <paramref name="roles"/> in this process over <paramref name="nodes"/> simulated nodes
/// and, if <paramref name="dockerNode"/> is given, a node of that name on the real Docker engine. Node
/// identities are also written for <paramref name="otherNodes"/> (agents the test runs as processes).
/// </summary>
public abstract class PlatformFixture(string roles, int nodes, string? dockerNode = null, string[]? otherNodes = null) : IAsyncLifetime
{
    private readonly string _database = "paas_cp_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication? _app;

    public string Home { get; } = Directory.CreateTempSubdirectory("paas-cp-").FullName;

    /// <summary>An admin client of the official Kubernetes client library.</summary>
    public IKubernetes Admin { get; private set; } = null!;

    /// <summary>The simulated nodes, to stop and start them as a crash or partition would.</summary>
    public PaaS.NodeAgent.NodeFleet Fleet => _app!.Services.GetRequiredService<PaaS.NodeAgent.NodeFleet>();

    /// <summary>The settings the platform was started with (a second instance of a role can reuse them).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        var https = $"https://127.0.0.1:{FreePort()}";
        var settings = new Dictionary<string, string?>
        {
            ["roles"] = roles,
            ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port=5432;Database={_database};Username=postgres;Password=postgres",
            ["Api:ListenUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Api:SecureListenUrl"] = https,
            ["Api:SecurePublicUrl"] = https,
            ["Api:HomeDirectory"] = Home,
            ["Agent:SimulatedNodes"] = nodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Agent:DockerNode"] = dockerNode,
            ["Agent:KubeconfigPattern"] = Path.Combine(Home, "nodes", "{node}.kubeconfig"),
            ["Agent:RelistInterval"] = "00:00:05",
            ["Agent:StateDirectory"] = Path.Combine(Home, "agent"),
            ["Controllers:Kubeconfig"] = Path.Combine(Home, "controllers.kubeconfig"),
            ["Controllers:RelistInterval"] = "00:00:05",
            ["Controllers:NodeMonitorGracePeriod"] = "00:00:04",
            ["Controllers:PodEvictionTimeout"] = "00:00:02",
            ["Agent:LeaseRenewInterval"] = "00:00:01",
            ["Scheduler:Kubeconfig"] = Path.Combine(Home, "scheduler.kubeconfig"),
            ["Scheduler:RelistInterval"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await WriteKubeconfigsAsync(settings);
        Settings = settings;
        _app = PlatformHost.Build([], config => config.AddInMemoryCollection(settings));
        await _app.StartAsync();
        Admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(Home, "kubeconfig")));
    }

    /// <summary>What <c>paas migrate</c> and <c>paas system-kubeconfig</c> do before the platform starts.</summary>
    private async Task WriteKubeconfigsAsync(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddApiServer(configuration).BuildServiceProvider();
        await using (services)
        {
            await ApiServerMaintenance.MigrateAsync(services, CancellationToken.None);
            Directory.CreateDirectory(Path.Combine(Home, "nodes"));
            await ApiServerMaintenance.WriteSystemKubeconfigAsync(services, "system:controllers", Path.Combine(Home, "controllers.kubeconfig"), CancellationToken.None);
            await ApiServerMaintenance.WriteSystemKubeconfigAsync(services, "system:scheduler", Path.Combine(Home, "scheduler.kubeconfig"), CancellationToken.None);
            foreach (var node in Enumerable.Range(1, nodes).Select(i => $"sim-{i}").Concat(dockerNode is null ? [] : [dockerNode]).Concat(otherNodes ?? []))
            {
                await ApiServerMaintenance.WriteSystemKubeconfigAsync(services, $"system:node:{node}", Path.Combine(Home, "nodes", $"{node}.kubeconfig"), CancellationToken.None);
            }
        }
    }

    public virtual async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection("Host=127.0.0.1;Port=5432;Database=postgres;Username=postgres;Password=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        // PAAS_KEEP_TEST_HOME=1 keeps the home (with the logs of parts run as processes) for a look after a failure.
        if (System.Environment.GetEnvironmentVariable("PAAS_KEEP_TEST_HOME") is null)
        {
            Directory.Delete(Home, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ControlPlaneGroup : ICollectionFixture<ControlPlaneFixture>
{
    public const string Name = "control plane";
}
