namespace PaaS.ApiServer.Storage;

/// <summary>
/// The change log, which is also the transactional outbox: written in the same transaction as the
/// object, read by watches (changes after a resourceVersion) and by the relay that publishes to RabbitMQ
/// (which records its progress in <see cref="OutboxCursor"/>, not in these rows).
/// </summary>
internal sealed class ObjectChange
{
    public long ResourceVersion { get; set; }

    public required string Resource { get; set; }

    public required string Namespace { get; set; }

    public required string Name { get; set; }

    public Guid Uid { get; set; }

    /// <summary><c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</summary>
    public required string ChangeType { get; set; }

    /// <summary>The object after the change (for DELETED: its last state).</summary>
    public required string Body { get; set; }

    public DateTimeOffset CommittedAt { get; set; }
}
