using System.Threading.Channels;
using PaaS.ApiServer.Storage;

namespace PaaS.ApiServer.Watch;

/// <summary>
/// One watcher's inbox on the <see cref="ChangeFeed"/>. Bounded: a watcher that falls this far behind
/// is cut off (its stream ends and the client re-watches from its last version), as Kubernetes does,
/// instead of holding unbounded memory.
/// </summary>
internal sealed class FeedSubscription(Channel<ChangeRecord> channel, long startPosition)
{
    /// <summary>Every change above this version arrives through <see cref="Changes"/>.</summary>
    public long StartPosition { get; } = startPosition;

    public ChannelReader<ChangeRecord> Changes => channel.Reader;

    public bool Overflowed { get; private set; }

    public void Offer(ChangeRecord change)
    {
        if (!Overflowed && !channel.Writer.TryWrite(change))
        {
            Overflowed = true;
            channel.Writer.TryComplete();
        }
    }
}
