using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaaS.ApiServer.Storage;

namespace PaaS.ApiServer.Watch;

/// <summary>
/// One reader of the change log for all watches in this process: it polls the log once and hands every
/// change to every subscriber, so a thousand watchers cost one query per poll, not a thousand.
/// A subscriber receives every change above the position it subscribed at; what lies between its
/// requested resourceVersion and that position it reads from the log itself (<see cref="WatchStream"/>).
/// </summary>
internal sealed partial class ChangeFeed(ObjectStore store, ILogger<ChangeFeed> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int SubscriberBuffer = 10_000;
    private readonly Lock _gate = new();
    private readonly List<FeedSubscription> _subscribers = [];
    private long _position = -1;

    /// <summary>The last version handed to subscribers (every change at or below it has been).</summary>
    public long Position
    {
        get
        {
            lock (_gate)
            {
                return _position;
            }
        }
    }

    public async Task<FeedSubscription> SubscribeAsync(CancellationToken ct)
    {
        // With nobody listening the feed does not poll; the first subscriber brings its position up to
        // the store's head, so the feed never has to read a long-idle backlog.
        lock (_gate)
        {
            if (_subscribers.Count > 0 && _position >= 0)
            {
                return Add();
            }
        }

        var (current, _) = await store.GetVersionsAsync(ct);
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                _position = Math.Max(_position, current);
            }

            return Add();
        }
    }

    // Called under the lock; the position is known (at least the store version read above).
    private FeedSubscription Add()
    {
        var subscription = new FeedSubscription(Channel.CreateBounded<ChangeRecord>(new BoundedChannelOptions(SubscriberBuffer) { SingleReader = true }), _position);
        _subscribers.Add(subscription);
        return subscription;
    }

    public void Unsubscribe(FeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFeedFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task PollOnceAsync(CancellationToken ct)
    {
        bool idle;
        long from;
        lock (_gate)
        {
            idle = _subscribers.Count == 0;
            from = _position;
        }

        if (idle)
        {
            return;
        }

        List<ChangeRecord> changes;
        do
        {
            changes = await store.ReadChangesAsync(from, resource: null, ns: null, 1000, ct);
            lock (_gate)
            {
                foreach (var change in changes)
                {
                    foreach (var subscriber in _subscribers)
                    {
                        subscriber.Offer(change);
                    }

                    _position = change.ResourceVersion;
                }

                from = _position;
            }
        }
        while (changes.Count == 1000);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change log for watches failed; retrying")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);
}
