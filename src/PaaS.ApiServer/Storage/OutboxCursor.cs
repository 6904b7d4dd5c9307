namespace PaaS.ApiServer.Storage;

/// <summary>
/// How far the relay has published the change log. Versions follow commit order, so "everything up to
/// here is published" is one number: no per-row flag to update (which would double the log's writes).
/// </summary>
internal sealed class OutboxCursor
{
    public int Id { get; set; }

    public long PublishedThrough { get; set; }
}
