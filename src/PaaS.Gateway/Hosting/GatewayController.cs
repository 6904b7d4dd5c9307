using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.Gateway.Configuration;
using PaaS.Gateway.Routing;
using PaaS.Gateway.Status;

namespace PaaS.Gateway.Hosting;

/// <summary>
/// Keeps the proxy's routes in step with the API: a cache of exposed Services and their Endpoints,
/// refreshed per object when a change event arrives and in full every <see cref="GatewayOptions.RelistInterval"/>.
/// Events are hints: the object is re-read, never taken from the message. A burst of changes is
/// collected for <see cref="GatewayOptions.DebounceDelay"/> and applied as one rebuild.
/// Every gateway instance runs this (no leader): each serves traffic, so each needs the routes.
/// </summary>
internal sealed partial class GatewayController(
    IKubernetes api, GatewayConfigProvider proxy, IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayController> logger) : BackgroundService
{
    private readonly Channel<(string Kind, string Namespace, string Name)> _changes =
        Channel.CreateUnbounded<(string, string, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly LoadBalancerStatusWriter _status = new(api);
    private Dictionary<(string, string), V1Service> _services = [];
    private Dictionary<(string, string), V1Endpoints> _endpoints = [];

    /// <summary>Called by the change consumer for every <see cref="ResourceChanged"/>; cheap, never blocks.</summary>
    public void Notify(ResourceChanged change)
    {
        if (change.ApiVersion == "v1" && change.Kind is "Service" or "Endpoints")
        {
            _changes.Writer.TryWrite((change.Kind, change.Namespace, change.Name));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextRelist = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextRelist)
                {
                    nextRelist = time.GetUtcNow() + settings.RelistInterval;
                    await RelistAsync(stoppingToken);
                }
                else if (await WaitForChangeAsync(nextRelist - time.GetUtcNow(), stoppingToken))
                {
                    await Task.Delay(settings.DebounceDelay, time, stoppingToken);
                    var keys = new HashSet<(string, string, string)>();
                    while (_changes.Reader.TryRead(out var key))
                    {
                        keys.Add(key);
                    }

                    foreach (var key in keys)
                    {
                        await RefreshAsync(key, stoppingToken);
                    }
                }
                else
                {
                    continue;
                }

                proxy.Update(GatewayConfigBuilder.Build(_services.Values, _endpoints.Values, settings.AppsDomain));
                await SyncStatusAsync(settings.AppsDomain, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The API may be down or restarting: keep the routes being served and relist soon.
                LogSyncFailed(logger, e);
                nextRelist = time.GetUtcNow() + TimeSpan.FromSeconds(1);
            }
        }
    }

    private async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _changes.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var services = await api.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken);
        var endpoints = await api.CoreV1.ListEndpointsForAllNamespacesAsync(cancellationToken: cancellationToken);
        _services = services.Items.Where(GatewayConfigBuilder.IsExposed).ToDictionary(s => (s.Namespace(), s.Name()));
        _endpoints = endpoints.Items.Where(e => _services.ContainsKey((e.Namespace(), e.Name()))).ToDictionary(e => (e.Namespace(), e.Name()));
    }

    private async Task RefreshAsync((string Kind, string Namespace, string Name) change, CancellationToken cancellationToken)
    {
        var key = (change.Namespace, change.Name);
        try
        {
            if (change.Kind == "Service")
            {
                var service = await api.CoreV1.ReadNamespacedServiceAsync(change.Name, change.Namespace, cancellationToken: cancellationToken);
                if (!GatewayConfigBuilder.IsExposed(service))
                {
                    _services.Remove(key);
                    _endpoints.Remove(key);
                    return;
                }

                // A service that just became exposed needs its endpoints, which did not change themselves.
                if (_services.TryAdd(key, service) || !_endpoints.ContainsKey(key))
                {
                    await RefreshAsync(("Endpoints", change.Namespace, change.Name), cancellationToken);
                }

                _services[key] = service;
            }
            else if (_services.ContainsKey(key))
            {
                _endpoints[key] = await api.CoreV1.ReadNamespacedEndpointsAsync(change.Name, change.Namespace, cancellationToken: cancellationToken);
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            if (change.Kind == "Service")
            {
                _services.Remove(key);
            }

            _endpoints.Remove(key);
        }
    }

    private async Task SyncStatusAsync(string domain, CancellationToken cancellationToken)
    {
        foreach (var service in _services.Values.Where(s => LoadBalancerStatusWriter.Desired(s, domain) is not null).ToList())
        {
            try
            {
                // Keep what was written, so the next rebuild does not write it again before its event arrives.
                if (await _status.SyncAsync(service, domain, cancellationToken) is { } written)
                {
                    _services[(written.Namespace(), written.Name())] = written;
                }
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // Deleted meanwhile; its event will take it out of the cache.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read services and endpoints from the API; serving the last routes and trying again")]
    private static partial void LogSyncFailed(ILogger logger, Exception e);
}
