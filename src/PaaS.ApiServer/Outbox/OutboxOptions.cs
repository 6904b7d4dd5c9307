namespace PaaS.ApiServer.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for unpublished changes when no commit woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long published changes stay in the log for watches to resume from (Kubernetes keeps about 5 minutes).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromMinutes(15);

    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Publishes awaiting the broker's confirm at once (changes of one object stay in order). Each publish waits
    /// a broker round trip, so this bounds the relay's rate: at 4 it fell thousands of changes behind a burst of
    /// pod creations, and the scheduler and agents saw pods seconds late.
    /// </summary>
    public int ParallelPublishes { get; set; } = 32;
}
