namespace PaaS.ApiServer.Storage;

/// <summary>
/// The single row every write transaction locks (UPDATE ... RETURNING) to take its resourceVersion.
/// Holding the row lock until commit makes resourceVersion order equal commit order across the whole
/// store: a reader that sees version N sees every write at or below N and none above it.
/// </summary>
internal sealed class StoreCounter
{
    public int Id { get; set; }

    /// <summary>The resourceVersion of the last committed write.</summary>
    public long Value { get; set; }

    /// <summary>
    /// The resourceVersion of the last write to a quota, team or namespace: what decides which quotas a
    /// write is checked against. A write made with an older view of it is refused and retried.
    /// </summary>
    public long PolicyVersion { get; set; }

    /// <summary>Changes at or below this version have been trimmed from the log; a watch from below answers 410 Gone.</summary>
    public long CompactedThrough { get; set; }
}
