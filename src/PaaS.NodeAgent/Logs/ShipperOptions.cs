namespace PaaS.NodeAgent.Logs;

/// <summary>How <see cref="ContainerLogShipper"/> batches and retries.</summary>
public sealed record ShipperOptions
{
    /// <summary>Lines per request at most.</summary>
    public int MaxBatchLines { get; init; } = 500;

    /// <summary>Bytes of line text per request at most (the API refuses bodies over 3 MiB; Docker lines reach 16 KiB).</summary>
    public int MaxBatchBytes { get; init; } = 1024 * 1024;

    /// <summary>How long the first line of a batch waits for more before the batch is sent.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The first retry's delay; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
