using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using PaaS.Core.Logs;

namespace PaaS.NodeAgent.Logs;

/// <summary>
/// One container's reader (Docker → queue) and sender (queue → API), see <see cref="ContainerLogShipper"/>
/// for why this ships every line exactly once.
/// </summary>
internal sealed class ContainerLogFollower
{
    /// <summary>Lines read ahead of the sender; beyond that the reader waits and Docker keeps them.</summary>
    private const int QueueLength = 5000;

    private readonly ContainerLogSource _source;
    private readonly IDockerClient _docker;
    private readonly NodeLogClient _client;
    private readonly ShipperOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _reading;
    private readonly Channel<LogEntry> _queue = Channel.CreateBounded<LogEntry>(new BoundedChannelOptions(QueueLength) { SingleReader = true, SingleWriter = true });

    private ContainerLogFollower(ContainerLogSource source, IDockerClient docker, NodeLogClient client, ShipperOptions options, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        (_source, _docker, _client, _options, _time, _logger) = (source, docker, client, options, time, logger);
        _reading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public static ContainerLogFollower Start(ContainerLogSource source, IDockerClient docker, NodeLogClient client, Task<Dictionary<string, long>> cursors,
        ShipperOptions options, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        var follower = new ContainerLogFollower(source, docker, client, options, time, logger, stopping);
        var read = Task.Run(() => follower.ReadAsync(cursors), CancellationToken.None);
        var send = Task.Run(() => follower.SendAsync(stopping), CancellationToken.None);
        follower.Completion = Task.WhenAll(read, send);
        return follower;
    }

    public void StopReading() => _reading.Cancel();

    /// <summary>Reads the container's output from the cursor to its end, reopening the stream if it breaks while the container runs.</summary>
    private async Task ReadAsync(Task<Dictionary<string, long>> cursors)
    {
        var ct = _reading.Token;
        try
        {
            long? since = (await cursors.WaitAsync(ct)).TryGetValue(_source.ContainerId, out var cursor) ? cursor : null;
            var delay = _options.FirstRetryDelay;
            while (true)
            {
                try
                {
                    since = await ReadOnceAsync(since, ct) ?? since;
                    var state = (await _docker.Containers.InspectContainerAsync(_source.ContainerId, ct)).State;
                    if (!state.Running)
                    {
                        return;
                    }

                    // The stream ended under a running container (the daemon restarted): reopen from the newest line, not in a tight loop.
                    await Task.Delay(_options.FirstRetryDelay, _time, ct);
                }
                catch (DockerContainerNotFoundException)
                {
                    return;
                }
                catch (Exception e) when (e is DockerApiException or IOException or HttpRequestException && !ct.IsCancellationRequested)
                {
                    ContainerLogShipper.LogReadFailed(_logger, _source.ContainerId, e.Message);
                    await Task.Delay(delay, _time, ct);
                    delay = ContainerLogShipper.Backoff(delay, _options);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Forgotten or stopping: what was queued is still sent (unless stopping).
        }
        finally
        {
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Queues the lines from <paramref name="since"/> (inclusive) to the end of the stream; returns the newest line's time.</summary>
    private async Task<long?> ReadOnceAsync(long? since, CancellationToken ct)
    {
        var tty = (await _docker.Containers.InspectContainerAsync(_source.ContainerId, ct)).Config.Tty;
        var parameters = new ContainerLogsParameters { Follow = true, Timestamps = true, ShowStdout = true, ShowStderr = true };
        if (since is { } from)
        {
            var seconds = Math.DivRem(from, 1_000_000_000, out var nanos);
            parameters.Since = $"{seconds.ToString(CultureInfo.InvariantCulture)}.{nanos.ToString("D9", CultureInfo.InvariantCulture)}";
        }

        using var stream = await _docker.Containers.GetContainerLogsAsync(_source.ContainerId, tty, parameters, ct);
        // A follow stream's read may ignore the token; closing the stream ends it.
        await using var closeOnCancel = ct.Register(stream.Dispose);
        var stdout = new LogLineSplitter();
        var stderr = new LogLineSplitter();
        var buffer = new byte[64 * 1024];
        var lines = new List<string>();
        long? newest = null;
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct);
            var isError = read.Target == MultiplexedStream.TargetStream.StandardError;
            if (read.EOF)
            {
                stdout.Flush(lines);
                newest = await QueueAsync(lines, "stdout", since, ct) ?? newest;
                stderr.Flush(lines);
                return await QueueAsync(lines, "stderr", since, ct) ?? newest;
            }

            (isError ? stderr : stdout).Append(buffer.AsSpan(0, read.Count), lines);
            newest = await QueueAsync(lines, isError ? "stderr" : "stdout", since, ct) ?? newest;
        }
    }

    /// <summary>Queues Docker's <c>&lt;RFC3339Nano&gt; &lt;text&gt;</c> lines; returns the newest time queued.</summary>
    private async Task<long?> QueueAsync(List<string> lines, string stream, long? since, CancellationToken ct)
    {
        long? newest = null;
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var stamp = space < 0 ? line : line[..space];
            if (!LogTimestamp.TryParse(stamp, out var time) || time < since)
            {
                // Docker's own since filter already drops older lines; a line without a stamp cannot be placed.
                continue;
            }

            var s = _source;
            await _queue.Writer.WriteAsync(new LogEntry(s.PodNamespace, s.PodName, s.PodUid, s.Container, s.Attempt, s.ContainerId,
                LogTimestamp.Format(time), stream, space < 0 ? "" : line[(space + 1)..]), ct);
            newest = time;
        }

        lines.Clear();
        return newest;
    }

    /// <summary>Sends queued lines in batches, in order, each retried until stored.</summary>
    private async Task SendAsync(CancellationToken stopping)
    {
        var batch = new List<LogEntry>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                await FillAsync(batch, stopping);
                await ShipAsync(batch, stopping);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the unsent lines are after the cursor, so the next shipper sends them.
        }
    }

    private async Task FillAsync(List<LogEntry> batch, CancellationToken stopping)
    {
        var deadline = _time.GetUtcNow() + _options.FlushInterval;
        var bytes = 0;
        while (batch.Count < _options.MaxBatchLines && bytes < _options.MaxBatchBytes)
        {
            if (_queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                bytes += Encoding.UTF8.GetByteCount(entry.Line) + 200;
                continue;
            }

            var wait = deadline - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(wait);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ShipAsync(List<LogEntry> batch, CancellationToken stopping)
    {
        var delay = _options.FirstRetryDelay;
        while (true)
        {
            string reason;
            try
            {
                using var response = await _client.PostAsync(batch, stopping);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                reason = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(stopping)}";
                if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.RequestEntityTooLarge)
                {
                    // Sending it again cannot succeed (the pod is gone from this node, or the batch is malformed).
                    ContainerLogShipper.LogShipRefused(_logger, batch.Count, _source.ContainerId, reason);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
            {
                reason = e.Message;
            }

            ContainerLogShipper.LogShipFailed(_logger, batch.Count, _source.ContainerId, reason);
            await Task.Delay(delay, _time, stopping);
            delay = ContainerLogShipper.Backoff(delay, _options);
        }
    }
}
