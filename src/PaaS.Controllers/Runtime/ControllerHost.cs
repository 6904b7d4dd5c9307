using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.ServiceDefaults;

namespace PaaS.Controllers.Runtime;

/// <summary>
/// Runs every registered controller: one work queue each, fed by change events (<see cref="Dispatch"/>)
/// and by a full relist every <see cref="ControllerOptions.RelistInterval"/>; a few workers per queue
/// reconcile keys, retrying failures with back-off. Events are hints: a reconcile always re-reads.
/// With a <see cref="Leadership"/>, all of this runs only while this instance leads; each term starts
/// with fresh queues and a relist, and events that arrive while not leading are dropped.
/// </summary>
public sealed partial class ControllerHost(IEnumerable<IController> controllers, IOptions<ControllerOptions> options, ILogger<ControllerHost> logger, Leadership? leadership = null) : BackgroundService
{
    private readonly IReadOnlyList<IController> _all = controllers.ToList();
    private volatile IReadOnlyList<(IController Controller, WorkQueue<string> Queue)> _controllers = [];

    /// <summary>Hands a change to every controller it concerns.</summary>
    public void Dispatch(ResourceChanged change)
    {
        foreach (var (controller, queue) in _controllers)
        {
            foreach (var key in controller.KeysFor(change))
            {
                queue.Add(key);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership is null ? RunTermAsync(stoppingToken) : leadership.RunAsync(RunTermAsync, stoppingToken);

    private async Task RunTermAsync(CancellationToken stoppingToken)
    {
        var term = _all.Select(c => (c, new WorkQueue<string>())).ToList();
        _controllers = term;
        var tasks = new List<Task>();
        foreach (var (controller, queue) in term)
        {
            tasks.Add(RelistLoopAsync(controller, queue, stoppingToken));
            for (var i = 0; i < options.Value.WorkersPerController; i++)
            {
                tasks.Add(WorkAsync(controller, queue, stoppingToken));
            }
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _controllers = [];
            foreach (var (_, queue) in term)
            {
                queue.ShutDown();
            }
        }
    }

    private async Task RelistLoopAsync(IController controller, WorkQueue<string> queue, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var key in await controller.ListKeysAsync(ct))
                {
                    queue.Add(key);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The API server may be restarting: the next relist tries again.
                LogRelistFailed(logger, e, controller.Name);
            }

            await Task.Delay(options.Value.RelistInterval, ct);
        }
    }

    private async Task WorkAsync(IController controller, WorkQueue<string> queue, CancellationToken ct)
    {
        while (await queue.TakeAsync(ct) is { } key)
        {
            try
            {
                var requeueAfter = await controller.ReconcileAsync(key, ct);
                queue.Forget(key);
                if (requeueAfter is { } delay)
                {
                    queue.AddAfter(key, delay);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogReconcileFailed(logger, e, controller.Name, key, queue.Failures(key) + 1);
                queue.AddRateLimited(key);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller}: relist failed")]
    private static partial void LogRelistFailed(ILogger logger, Exception e, string controller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller}: reconciling {Key} failed (attempt {Attempt}); retrying with back-off")]
    private static partial void LogReconcileFailed(ILogger logger, Exception e, string controller, string key, int attempt);
}
