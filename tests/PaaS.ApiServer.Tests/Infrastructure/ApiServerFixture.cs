using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaaS.ApiServer.Identity;
using PaaS.Host;

namespace PaaS.ApiServer.Tests.Infrastructure;

/// <summary>
/// The API role hosted in-process on a real port, against the real PostgreSQL (a fresh database per
/// fixture, dropped afterwards) and the real RabbitMQ. Tokens come from the bootstrap kubeconfig, as a
/// user's would.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private readonly string _database = "paas_test_" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication? _app;

    public string Home { get; } = Directory.CreateTempSubdirectory("paas-test-").FullName;

    public string ConnectionString => $"Host=127.0.0.1;Port=5432;Database={_database};Username=postgres;Password=postgres";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The TLS address (kubectl sends tokens only over TLS).</summary>
    public Uri SecureAddress { get; private set; } = null!;

    public string AdminToken { get; private set; } = "";

    public string SystemToken { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        SecureAddress = new Uri($"https://127.0.0.1:{FreePort()}");
        _app = PlatformHost.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["roles"] = "api",
            ["ConnectionStrings:Postgres"] = ConnectionString,
            ["Api:ListenUrl"] = BaseAddress.ToString(),
            ["Api:PublicUrl"] = BaseAddress.ToString(),
            ["Api:HomeDirectory"] = Home,
            ["Api:SecureListenUrl"] = SecureAddress.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await _app.StartAsync();

        var kubeconfig = await File.ReadAllTextAsync(Path.Combine(Home, "kubeconfig"));
        AdminToken = kubeconfig.Split('\n').Single(l => l.Trim().StartsWith("token:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var identities = Services.GetRequiredService<IdentityService>();
        var system = await identities.CreateAsync("system:controllers", IdentityKind.System, isAdmin: false, password: null, CancellationToken.None);
        (SystemToken, _) = await identities.IssueTokenAsync(system.Id, "tests", lifetime: null, CancellationToken.None);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? AdminToken);
        return client;
    }

    /// <summary>A fresh namespace for one test, so tests never see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync(string prefix = "t")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];
        using var client = Client();
        await (await client.PostJsonAsync("/api/v1/namespaces", Manifests.Namespace(name))).ExpectAsync(201);
        return name;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
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
