using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaaS.ApiServer.Api;
using PaaS.ApiServer.Objects;
using PaaS.ApiServer.Storage;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Namespaces;

/// <summary>
/// Empties terminating namespaces: deletes everything in them through the normal delete path (so bound
/// pods still terminate gracefully and finalizers are honoured), then lets the namespace itself go.
/// Kubernetes runs this in the controller manager; it lives with the API server here because it is the
/// store's own lifecycle rule and must work even when no controllers run. Level-triggered: it rescans
/// terminating namespaces every few seconds, so a missed wake-up only delays it.
/// </summary>
internal sealed partial class NamespaceFinalizer(
    ObjectStore store,
    ObjectService objects,
    NamespaceFinalizerSignal signal,
    ILogger<NamespaceFinalizer> logger) : BackgroundService
{
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var ns in await store.ListTerminatingNamespacesAsync(stoppingToken))
                {
                    await FinalizeAsync(ns, stoppingToken);
                }

                await signal.WaitAsync(Rescan, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFinalizeFailed(logger, e);
                await Task.Delay(Rescan, stoppingToken);
            }
        }
    }

    private async Task FinalizeAsync(string ns, CancellationToken ct)
    {
        foreach (var (resource, name) in await store.ListNamespaceContentsAsync(ns, ct))
        {
            var type = ResourceTypes.FindByGroupResource(resource);
            if (type is null)
            {
                continue;
            }

            try
            {
                await objects.DeleteAsync(type, ns, name, new DeleteRequest(), Authorization.ObjectGuard.None, ct);
            }
            catch (ApiException e) when (e.Reason == "NotFound")
            {
                // Deleted meanwhile by someone else: that is the goal.
            }
        }

        if ((await store.ListNamespaceContentsAsync(ns, ct)).Count == 0)
        {
            await objects.FinishNamespaceAsync(ns, ct);
            LogNamespaceFinalized(logger, ns);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Namespace finalization failed; retrying")]
    private static partial void LogFinalizeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Namespace {Namespace} is empty and finalized")]
    private static partial void LogNamespaceFinalized(ILogger logger, string @namespace);
}
