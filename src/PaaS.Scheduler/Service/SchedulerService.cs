using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;
using PaaS.Scheduler.Cache;
using PaaS.Scheduler.Framework;
using PaaS.ServiceDefaults;

namespace PaaS.Scheduler.Service;

/// <summary>
/// The scheduler process: keeps <see cref="SchedulerCache"/> current from change events (plus a full
/// relist), takes unbound pods one at a time from a work queue, decides with the plugin framework,
/// assumes the pod on the chosen node at once (so the next decision sees the resources taken) and binds it
/// through the API asynchronously; a failed binding forgets the assumption and retries. A pod that fits
/// nowhere gets <c>PodScheduled=False</c> with the reasons and a FailedScheduling event, and waits until a
/// node or a pod changes (or the next relist) to be tried again.
/// </summary>
public sealed partial class SchedulerService(IKubernetes api, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SchedulerService> logger, Leadership? leadership = null) : BackgroundService
{
    public const string SchedulerName = "default-scheduler";
    private readonly SchedulerCache _cache = new();
    private readonly SchedulingFramework _framework = new(PluginRegistry.Default);
    private readonly WorkQueue<string> _queue = new(time);
    private readonly ConcurrentDictionary<string, byte> _unschedulable = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _bindings = new(options.Value.ParallelBindings);
    private readonly EventRecorder _events = new(api, time, SchedulerName);

    /// <summary>A change event: refreshes the cache and queues what may now be schedulable.</summary>
    public void Dispatch(ResourceChanged change)
    {
        if (change.Kind == "Node")
        {
            _ = RefreshNodeAsync(change);
            RetryUnschedulable();
        }
        else if (change.Kind == "Pod")
        {
            var key = $"{change.Namespace}/{change.Name}";
            if (change.ChangeType == "DELETED")
            {
                _cache.RemovePod(change.Namespace, change.Name);
                _unschedulable.TryRemove(key, out _);
                RetryUnschedulable();
            }
            else if (change.NodeName is null)
            {
                _queue.Add(key);
            }
            else if (change.Phase is "Succeeded" or "Failed" || !_cache.Holds(change.Namespace, change.Name, change.NodeName))
            {
                // A bound pod's requests cannot change, so one already counted on its node is re-read only
                // when it finishes (and stops counting) or is not known yet.
                _ = RefreshPodAsync(change.Namespace, change.Name);
            }
        }
    }

    /// <summary>Schedules only while this instance leads (the lease <c>paas-scheduler</c>): two schedulers never bind at once.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership is null ? ScheduleWhileLeadingAsync(stoppingToken) : leadership.RunAsync(ScheduleWhileLeadingAsync, stoppingToken);

    private async Task ScheduleWhileLeadingAsync(CancellationToken stoppingToken)
    {
        var relist = RelistLoopAsync(stoppingToken);
        // Pods are read ahead, several at a time, while decisions are still made one after another in queue
        // order: a decision takes microseconds, a read a network round trip, so reading one pod per decision
        // would cap the scheduler at one pod per round trip.
        var reads = Channel.CreateBounded<(string Key, Task<V1Pod?> Pod)>(options.Value.ParallelReads);
        var reader = ReadAheadAsync(reads.Writer, stoppingToken);
        try
        {
            await foreach (var (key, read) in reads.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (await read is { } pod)
                    {
                        await ScheduleOneAsync(key, pod, stoppingToken);
                    }

                    _queue.Forget(key);
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException)
                {
                    LogScheduleFailed(logger, e, key);
                    _queue.AddRateLimited(key);
                }
                finally
                {
                    _queue.Done(key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await reader.ContinueWith(_ => { }, TaskScheduler.Default);
        while (reads.Reader.TryRead(out var unprocessed))
        {
            // Read ahead but not decided when the term ended: release them (the next term's relist queues them again).
            _queue.Done(unprocessed.Key);
        }

        await relist.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ReadAheadAsync(ChannelWriter<(string Key, Task<V1Pod?> Pod)> reads, CancellationToken ct)
    {
        try
        {
            while (await _queue.TakeAsync(ct) is { } key)
            {
                try
                {
                    await reads.WriteAsync((key, ReadPodAsync(key, ct)), ct);
                }
                catch (OperationCanceledException)
                {
                    _queue.Done(key);
                    throw;
                }
            }
        }
        finally
        {
            reads.TryComplete();
        }
    }

    /// <summary>The pod as stored now; null when it is gone.</summary>
    private async Task<V1Pod?> ReadPodAsync(string key, CancellationToken ct)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        try
        {
            return await api.CoreV1.ReadNamespacedPodAsync(key[(slash + 1)..], key[..slash], cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task ScheduleOneAsync(string key, V1Pod pod, CancellationToken ct)
    {
        if (!NeedsScheduling(pod))
        {
            return;
        }

        var result = _framework.Schedule(pod, _cache.Snapshot());
        if (result.Outcome == ScheduleOutcome.Scheduled && _cache.AssumePod(pod, result.NodeName!))
        {
            _unschedulable.TryRemove(key, out _);
            await _bindings.WaitAsync(ct);
            _ = BindAsync(pod, result.NodeName!, key, ct);
            return;
        }

        _unschedulable[key] = 0;
        await ReportUnschedulableAsync(pod, result.Message, ct);
    }

    private async Task BindAsync(V1Pod pod, string node, string key, CancellationToken ct)
    {
        try
        {
            await api.CoreV1.CreateNamespacedPodBindingAsync(new V1Binding
            {
                Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty, Uid = pod.Metadata.Uid },
                Target = new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node },
            }, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
            pod.Spec.NodeName = node;
            _cache.AddOrUpdatePod(pod);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            // Already bound elsewhere, deleted, or the API is away: undo the assumption and look again.
            _cache.ForgetPod(pod);
            LogBindFailed(logger, e, key, node);
            _queue.AddRateLimited(key);
        }
        finally
        {
            _bindings.Release();
        }
    }

    private async Task ReportUnschedulableAsync(V1Pod pod, string message, CancellationToken ct)
    {
        var current = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        if (current is { Status: "False", Reason: "Unschedulable" } && current.Message == message)
        {
            return; // Already said; saying it again would only churn events.
        }

        var now = time.GetUtcNow().UtcDateTime;
        pod.Status ??= new V1PodStatus { Phase = "Pending" };
        pod.Status.Conditions = (pod.Status.Conditions ?? []).Where(c => c.Type != "PodScheduled")
            .Append(new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = message, LastTransitionTime = now }).ToList();
        await api.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
        pod.ApiVersion ??= "v1";
        pod.Kind ??= "Pod";
        await _events.RecordAsync(pod, "Warning", "FailedScheduling", message, ct);
    }

    private static bool NeedsScheduling(V1Pod pod) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName) && pod.Metadata.DeletionTimestamp is null
        && (pod.Spec?.SchedulerName ?? SchedulerName) == SchedulerName
        && pod.Status?.Phase is null or "Pending";

    private void RetryUnschedulable()
    {
        foreach (var key in _unschedulable.Keys)
        {
            _queue.Add(key);
        }
    }

    private async Task RefreshNodeAsync(ResourceChanged change)
    {
        try
        {
            if (change.ChangeType == "DELETED")
            {
                _cache.RemoveNode(change.Name);
                return;
            }

            _cache.AddOrUpdateNode(await api.CoreV1.ReadNodeAsync(change.Name));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            _cache.RemoveNode(change.Name);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            LogRefreshFailed(logger, e, change.Name);
        }
    }

    private async Task RefreshPodAsync(string ns, string name)
    {
        try
        {
            _cache.AddOrUpdatePod(await api.CoreV1.ReadNamespacedPodAsync(name, ns));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            _cache.RemovePod(ns, name);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            LogRefreshFailed(logger, e, $"{ns}/{name}");
        }
    }

    /// <summary>Rebuilds the cache from full lists and queues every pod still unbound: whatever an event missed is repaired here.</summary>
    private async Task RelistLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var nodes = await api.CoreV1.ListNodeAsync(cancellationToken: ct);
                var pods = await api.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct);
                var names = nodes.Items.Select(n => n.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var node in nodes.Items)
                {
                    _cache.AddOrUpdateNode(node);
                }

                foreach (var stale in _cache.Snapshot().Nodes.Where(n => !names.Contains(n.Name)).Select(n => n.Name).ToList())
                {
                    _cache.RemoveNode(stale);
                }

                foreach (var pod in pods.Items)
                {
                    if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
                    {
                        _cache.AddOrUpdatePod(pod);
                    }
                    else if (NeedsScheduling(pod))
                    {
                        _queue.Add($"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}");
                    }
                }
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException)
            {
                LogRelistFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.RelistInterval, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _queue.Dispose();
        _bindings.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling {Pod} failed; retrying with back-off")]
    private static partial void LogScheduleFailed(ILogger logger, Exception e, string pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Binding {Pod} to {Node} failed; scheduling it again")]
    private static partial void LogBindFailed(ILogger logger, Exception e, string pod, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh {Name} in the scheduler cache; the relist will")]
    private static partial void LogRefreshFailed(ILogger logger, Exception e, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler relist failed")]
    private static partial void LogRelistFailed(ILogger logger, Exception e);
}
