using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PaaS.Gateway.Tests.Integration;

/// <summary>
/// Kestrel listeners on free loopback ports standing in for pods' published ports: each answers its own
/// name, or 503 when it is the failing one (a pod whose app is broken).
/// </summary>
public sealed class FakePods : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePods(WebApplication app, IReadOnlyDictionary<string, int> ports) => (_app, Ports) = (app, ports);

    /// <summary>Pod name → port it listens on.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    /// <summary>The pod that takes 3 s to answer (for timeouts).</summary>
    public const string SlowPod = "pod-slow";

    public static async Task<FakePods> StartAsync(IReadOnlyList<string> pods, string failing)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. pods.Select(_ => "http://127.0.0.1:0")]);
        var app = builder.Build();
        // The ports are known only once the listeners are bound; requests come only after that.
        var byPort = new Dictionary<int, string>();
        app.Run(async context =>
        {
            var pod = byPort[context.Connection.LocalPort];
            if (pod == SlowPod)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
            }

            context.Response.StatusCode = pod == failing ? (int)HttpStatusCode.ServiceUnavailable : 200;
            await context.Response.WriteAsync(pod);
        });
        await app.StartAsync();
        var ports = app.Urls.Select(u => new Uri(u).Port).ToList();
        for (var i = 0; i < pods.Count; i++)
        {
            byPort[ports[i]] = pods[i];
        }

        return new FakePods(app, byPort.ToDictionary(p => p.Value, p => p.Key));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
