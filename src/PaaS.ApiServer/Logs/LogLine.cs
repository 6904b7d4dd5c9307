namespace PaaS.ApiServer.Logs;

/// <summary>
/// One stored line of a container's output. Written only through <see cref="LogStore"/> (one multi-row
/// statement per batch); the entity exists so the schema lives in the migrations with everything else.
/// </summary>
internal sealed class LogLine
{
    /// <summary>Insertion order: breaks ties between lines of the same nanosecond.</summary>
    public long Id { get; set; }

    public required string Node { get; set; }

    public required string Namespace { get; set; }

    public required string PodName { get; set; }

    /// <summary>Queries go by uid, so a pod made again under the same name starts with no log.</summary>
    public Guid PodUid { get; set; }

    public required string ContainerName { get; set; }

    /// <summary>The container's restartCount when it was created: <c>previous</c> reads attempt current − 1.</summary>
    public int Attempt { get; set; }

    public required string ContainerId { get; set; }

    /// <summary>Docker's timestamp of the line in nanoseconds since the Unix epoch (timestamptz keeps only µs).</summary>
    public long TimeUnixNano { get; set; }

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public required string Stream { get; set; }

    public required string Line { get; set; }

    /// <summary>64 bits of the line's SHA-256: with container, time and stream, the key a re-sent line collides on.</summary>
    public long LineHash { get; set; }
}
