using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;

namespace PaaS.ControlPlane.Tests;

/// <summary>
/// The API server and <see cref="Nodes"/> <b>simulated</b> nodes in this process; controller managers and
/// schedulers in processes of their own (<see cref="PartProcess"/>), so tests can kill and pause them.
/// </summary>
public sealed class SeparatePartsFixture() : PlatformFixture("api,agent", Nodes)
{
    public const int Nodes = 5;
    private readonly List<PartProcess> _parts = [];

    /// <summary>Starts a controller manager (<c>controllers</c>) or scheduler (<c>scheduler</c>) process.</summary>
    internal PartProcess StartPart(string role)
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Logging:LogLevel:PaaS.Controllers.Runtime.Leadership"] = "Information",
        };
        var part = PartProcess.Start(role, settings, Home);
        lock (_parts)
        {
            _parts.Add(part);
        }

        return part;
    }

    /// <summary>The holder of a control-plane leader-election Lease, or null while nobody holds it.</summary>
    public async Task<string?> HolderAsync(string lease)
    {
        try
        {
            return (await Admin.CoordinationV1.ReadNamespacedLeaseAsync(lease, "kube-system")).Spec.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The audit records of <paramref name="user"/> since <paramref name="since"/> (newest first), as <c>GET /paas/v1/audit</c> returns them.</summary>
    public async Task<IReadOnlyList<JsonObject>> AuditAsync(string user, DateTimeOffset since)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(Home, "kubeconfig"));
        using var http = new HttpClient { BaseAddress = new Uri(Settings["Api:ListenUrl"]!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", config.AccessToken);
        var body = await http.GetStringAsync($"/paas/v1/audit?user={Uri.EscapeDataString(user)}&since={Uri.EscapeDataString(since.ToString("O"))}&limit=1000");
        return JsonNode.Parse(body)!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    public override async Task DisposeAsync()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeparatePartsGroup : ICollectionFixture<SeparatePartsFixture>
{
    public const string Name = "separate parts";
}
