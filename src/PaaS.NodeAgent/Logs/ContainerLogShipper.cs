using Docker.DotNet;
using k8s;
using Microsoft.Extensions.Logging;

namespace PaaS.NodeAgent.Logs;

/// <summary>
/// Ships the output of a node's containers to the API server's log store (Fluentd's collector role): the
/// agent calls <see cref="Follow"/> for each container it runs and <see cref="Forget"/> when it removes one.
/// Each followed container has its own reader (Docker's log stream with timestamps, stdout and stderr) and
/// its own sender (batches of up to <see cref="ShipperOptions.MaxBatchLines"/> lines or
/// <see cref="ShipperOptions.FlushInterval"/>, posted with the node's identity).
/// <para>
/// <b>Every line is stored exactly once</b>, because:
/// (1) the API stores a batch in one statement, all of it or none, and a line's key (container id, time to
/// the nanosecond, stream, text) makes storing it again a no-op, so sending a line twice never duplicates
/// it; (2) a container's batches are sent one at a time, in the order Docker printed the lines, and a
/// failed send is retried with back-off until the API takes it before anything later is sent, so a line
/// is lost only if it is never sent; (3) consequently, when the API's cursor for a container is T (its
/// newest stored line), every line Docker printed before T is stored; (4) a shipper starting (or a reader
/// whose Docker stream broke) asks Docker for the lines since T inclusive: the lines at exactly T are sent
/// again and skipped by the key (two lines may share a nanosecond, so skipping T itself could drop one),
/// everything after T is sent. While the API is down the reader waits (a bounded queue) and the lines stay
/// in Docker's log file. A container that exits still has its stream read to the end and shipped.
/// </para>
/// <para>
/// Where it is not exact: the API refuses lines of a pod no longer bound to this node (deleted): those
/// batches are dropped, as there is no pod left to read them from. Identical text printed on the same stream
/// in the same nanosecond is one line. Docker stamps stdout and stderr in separate copiers, so a line may be
/// written after one with a later time: if a shipper stops exactly between the two, the earlier-stamped line
/// is before the cursor and not re-sent.
/// </para>
/// </summary>
public sealed partial class ContainerLogShipper : IAsyncDisposable
{
    private readonly IDockerClient _docker;
    private readonly NodeLogClient _client;
    private readonly ShipperOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, ContainerLogFollower> _followers = new(StringComparer.Ordinal);
    private Task<Dictionary<string, long>>? _cursors;

    public ContainerLogShipper(IDockerClient docker, IKubernetes api, string nodeName, ILogger<ContainerLogShipper> logger, ShipperOptions? options = null, TimeProvider? time = null)
    {
        _docker = docker;
        _client = new NodeLogClient(api, nodeName);
        _options = options ?? new ShipperOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger;
    }

    /// <summary>Starts shipping a container's output, unless it is already followed. Returns at once.</summary>
    /// <param name="attempt">The container's restartCount when it was created.</param>
    public void Follow(string containerId, string podNamespace, string podName, string podUid, string container, int attempt)
    {
        lock (_followers)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (_followers.TryGetValue(containerId, out var existing) && !existing.Completion.IsCompleted)
            {
                return;
            }

            _cursors ??= FetchCursorsAsync(_stopping.Token);
            var source = new ContainerLogSource(containerId, podNamespace, podName, podUid, container, attempt);
            _followers[containerId] = ContainerLogFollower.Start(source, _docker, _client, _cursors, _options, _time, _logger, _stopping.Token);
        }
    }

    /// <summary>Stops reading a container's output (the agent removed it); lines already read are still shipped.</summary>
    public void Forget(string containerId)
    {
        lock (_followers)
        {
            if (_followers.Remove(containerId, out var follower))
            {
                follower.StopReading();
            }
        }
    }

    /// <summary>Completes when the container's output has been read to its end and all of it is stored (for tests and shutdown).</summary>
    public Task WhenShippedAsync(string containerId)
    {
        lock (_followers)
        {
            return _followers.TryGetValue(containerId, out var follower) ? follower.Completion : Task.CompletedTask;
        }
    }

    /// <summary>Stops at once: what is not yet stored stays in Docker's log and is shipped by the next shipper from the cursor.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Task> running;
        lock (_followers)
        {
            _stopping.Cancel();
            running = _followers.Values.Select(f => f.Completion).ToList();
            _followers.Clear();
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    /// <summary>The node's cursors, read once when the first container is followed; retried until the API answers.</summary>
    private async Task<Dictionary<string, long>> FetchCursorsAsync(CancellationToken ct)
    {
        var delay = _options.FirstRetryDelay;
        while (true)
        {
            try
            {
                return await _client.CursorsAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                LogCursorsFailed(_logger, e.Message);
                await Task.Delay(delay, _time, ct);
                delay = Backoff(delay, _options);
            }
        }
    }

    internal static TimeSpan Backoff(TimeSpan delay, ShipperOptions options) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
}
