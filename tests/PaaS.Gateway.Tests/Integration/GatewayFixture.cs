using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaaS.ApiServer;
using PaaS.Host;

namespace PaaS.Gateway.Tests.Integration;

/// <summary>
/// The API server and the gateway hosted in-process against the real PostgreSQL and RabbitMQ (a fresh
/// database), as <c>paas --roles api,gateway</c>; the gateway uses its own system:gateway kubeconfig and
/// learns of changes from the bus. Three fake pods (pod-a, pod-b, and pod-bad which answers 503) stand in
/// for published container ports; tests write Services and Endpoints (the Endpoints controller's shape).
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string Namespace = "team-a";
    private readonly string _database = "paas_gw_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _home = Directory.CreateTempSubdirectory("paas-gw-").FullName;
    private WebApplication? _app;

    public IKubernetes Admin { get; private set; } = null!;

    public FakePods Pods { get; private set; } = null!;

    /// <summary>A client of the gateway's listener.</summary>
    public HttpClient Gateway { get; } = new();

    public Uri GatewayUrl { get; } = new($"http://127.0.0.1:{FreePort()}");

    public async Task InitializeAsync()
    {
        var https = $"https://127.0.0.1:{FreePort()}";
        var settings = new Dictionary<string, string?>
        {
            ["roles"] = "api,gateway",
            ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port=5432;Database={_database};Username=postgres;Password=postgres",
            ["Api:ListenUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Api:SecureListenUrl"] = https,
            ["Api:SecurePublicUrl"] = https,
            ["Api:HomeDirectory"] = _home,
            ["Gateway:Kubeconfig"] = Path.Combine(_home, "gateway.kubeconfig"),
            ["Gateway:ListenUrl"] = GatewayUrl.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddApiServer(configuration).BuildServiceProvider();
        await using (services)
        {
            await ApiServerMaintenance.MigrateAsync(services, CancellationToken.None);
            await ApiServerMaintenance.WriteSystemKubeconfigAsync(services, "system:gateway", Path.Combine(_home, "gateway.kubeconfig"), CancellationToken.None);
        }

        Pods = await FakePods.StartAsync(["pod-a", "pod-b", "pod-bad", FakePods.SlowPod], failing: "pod-bad");
        _app = PlatformHost.Build([], config => config.AddInMemoryCollection(settings));
        await _app.StartAsync();
        Admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(_home, "kubeconfig")));
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
    }

    /// <summary>Creates a Service and its Endpoints with one ready subset per named fake pod.</summary>
    public async Task ExposeAsync(V1Service service, params string[] readyPods)
    {
        await Admin.CoreV1.CreateNamespacedServiceAsync(service, Namespace);
        var portName = service.Spec.Ports[0].Name;
        await Admin.CoreV1.CreateNamespacedEndpointsAsync(
            Objects.Endpoints(service.Name(), portName, [.. readyPods.Select(pod => (pod, Pods.Ports[pod], true))]), Namespace);
    }

    /// <summary>A GET through the gateway with the given Host header; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string host, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(GatewayUrl, path));
        request.Headers.Host = host;
        using var response = await Gateway.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until the gateway routes <paramref name="host"/> (events are asynchronous: outbox, bus, debounce).</summary>
    public async Task<(HttpStatusCode Status, string Body)> WaitRoutedAsync(string host, Func<HttpStatusCode, bool>? until = null)
    {
        until ??= s => s == HttpStatusCode.OK;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var answer = await GetAsync(host);
            if (until(answer.Status) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Pods.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection("Host=127.0.0.1;Port=5432;Database=postgres;Username=postgres;Password=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(_home, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
