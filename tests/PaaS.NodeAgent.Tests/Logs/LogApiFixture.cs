using System.Net;
using System.Net.Sockets;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PaaS.ApiServer;
using PaaS.Host;

namespace PaaS.NodeAgent.Tests.Logs;

/// <summary>
/// The API role hosted in-process against the real PostgreSQL (a fresh database, dropped afterwards), with
/// an admin client and a kubeconfig for the node <see cref="Node"/>, written as <c>paas system-kubeconfig</c> does.
/// </summary>
public sealed class LogApiFixture : IAsyncLifetime
{
    private readonly string _database = "paas_logs_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication? _app;

    public string Node { get; } = "logs-node-" + Guid.NewGuid().ToString("N")[..6];

    public string Home { get; } = Directory.CreateTempSubdirectory("paas-logs-").FullName;

    public IKubernetes Admin { get; private set; } = null!;

    /// <summary>A new client with the node's own identity (as the agent's NodeFleet makes it).</summary>
    public IKubernetes NodeClient() => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(Home, "node.kubeconfig")));

    public async Task InitializeAsync()
    {
        var https = $"https://127.0.0.1:{FreePort()}";
        _app = PlatformHost.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["roles"] = "api",
            ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port=5432;Database={_database};Username=postgres;Password=postgres",
            ["Api:ListenUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Api:SecureListenUrl"] = https,
            ["Api:SecurePublicUrl"] = https,
            ["Api:HomeDirectory"] = Home,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await _app.StartAsync();
        await ApiServerMaintenance.WriteSystemKubeconfigAsync(_app.Services, $"system:node:{Node}", Path.Combine(Home, "node.kubeconfig"), CancellationToken.None);
        Admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(Home, "kubeconfig")));
    }

    public async Task DisposeAsync()
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
        Directory.Delete(Home, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
