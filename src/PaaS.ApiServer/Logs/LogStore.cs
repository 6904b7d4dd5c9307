using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PaaS.ApiServer.Logs;

/// <summary>
/// Reads and writes <c>log_lines</c> and <c>log_cursors</c> with hand-written SQL: a batch is one
/// multi-row statement (arrays unnested), which EF would send as one INSERT per row.
/// </summary>
internal sealed class LogStore(NpgsqlDataSource dataSource)
{
    /// <summary>Lines written to a response per database read while following or paging.</summary>
    public const int PageSize = 1000;

    /// <summary>The first of <paramref name="pods"/> (as <c>namespace/name</c>) that is not bound to <paramref name="node"/> under that uid; null when all are.</summary>
    public async Task<string?> FindPodNotOnNodeAsync(string node, IReadOnlyCollection<(string Namespace, string Name, Guid Uid)> pods, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.namespace, p.name
            FROM unnest(@namespaces, @names, @uids) AS p(namespace, name, uid)
            LEFT JOIN objects o ON o.resource = 'pods' AND o.namespace = p.namespace AND o.name = p.name AND o.uid = p.uid AND o.node_name = @node
            WHERE o.name IS NULL
            ORDER BY p.namespace, p.name
            LIMIT 1
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("namespaces", pods.Select(p => p.Namespace).ToArray());
        command.Parameters.AddWithValue("names", pods.Select(p => p.Name).ToArray());
        command.Parameters.AddWithValue("uids", pods.Select(p => p.Uid).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? $"{reader.GetString(0)}/{reader.GetString(1)}" : null;
    }

    /// <summary>
    /// Stores a batch in one statement (so all or none of it) and moves each container's cursor to its
    /// newest line. Lines already stored (same container, time, stream and text) and lines older than
    /// <paramref name="cutoffUnixNano"/> (retention would delete them) are skipped. Returns the lines stored.
    /// </summary>
    public async Task<int> AppendAsync(string node, IReadOnlyList<IngestedLine> lines, long cutoffUnixNano, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            WITH input AS (
                SELECT * FROM unnest(@namespaces, @pods, @uids, @containers, @attempts, @ids, @times, @streams, @lines, @hashes)
                    WITH ORDINALITY AS i(namespace, pod_name, pod_uid, container_name, attempt, container_id, time_unix_nano, stream, line, line_hash, position)
                WHERE i.time_unix_nano >= @cutoff
            ), stored AS (
                INSERT INTO log_lines (node, namespace, pod_name, pod_uid, container_name, attempt, container_id, time_unix_nano, stream, line, line_hash)
                SELECT @node, namespace, pod_name, pod_uid, container_name, attempt, container_id, time_unix_nano, stream, line, line_hash
                FROM input ORDER BY position
                ON CONFLICT (container_id, time_unix_nano, stream, line_hash) DO NOTHING
                RETURNING 1
            ), cursors AS (
                INSERT INTO log_cursors (container_id, node, time_unix_nano)
                SELECT container_id, @node, max(time_unix_nano) FROM input GROUP BY container_id
                ON CONFLICT (container_id) DO UPDATE SET time_unix_nano = greatest(log_cursors.time_unix_nano, excluded.time_unix_nano)
            )
            SELECT count(*)::int FROM stored
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("cutoff", cutoffUnixNano);
        command.Parameters.AddWithValue("namespaces", lines.Select(l => l.Namespace).ToArray());
        command.Parameters.AddWithValue("pods", lines.Select(l => l.Pod).ToArray());
        command.Parameters.AddWithValue("uids", lines.Select(l => l.PodUid).ToArray());
        command.Parameters.AddWithValue("containers", lines.Select(l => l.Container).ToArray());
        command.Parameters.AddWithValue("attempts", lines.Select(l => l.Attempt).ToArray());
        command.Parameters.AddWithValue("ids", lines.Select(l => l.ContainerId).ToArray());
        command.Parameters.AddWithValue("times", lines.Select(l => l.TimeUnixNano).ToArray());
        command.Parameters.AddWithValue("streams", lines.Select(l => l.Stream).ToArray());
        command.Parameters.AddWithValue("lines", lines.Select(l => l.Line).ToArray());
        command.Parameters.AddWithValue("hashes", lines.Select(l => Hash(l.Line)).ToArray());
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The newest stored line's time of each of the node's containers, by container id.</summary>
    public async Task<Dictionary<string, long>> CursorsAsync(string node, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT container_id, time_unix_nano FROM log_cursors WHERE node = @node");
        command.Parameters.AddWithValue("node", node);
        var cursors = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cursors[reader.GetString(0)] = reader.GetInt64(1);
        }

        return cursors;
    }

    /// <summary>The newest attempt of a pod's container that has stored lines; null when none has.</summary>
    public async Task<int?> NewestAttemptAsync(Guid podUid, string container, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT max(attempt) FROM log_lines WHERE pod_uid = @uid AND container_name = @container");
        command.Parameters.AddWithValue("uid", podUid);
        command.Parameters.AddWithValue("container", container);
        return await command.ExecuteScalarAsync(ct) is int attempt ? attempt : null;
    }

    /// <summary>
    /// Lines of one attempt in time order: at or after <paramref name="sinceUnixNano"/>, after the
    /// position <paramref name="after"/> (paging and following), at most <see cref="PageSize"/>; or, with
    /// <paramref name="tail"/>, only the last that many.
    /// </summary>
    public async IAsyncEnumerable<StoredLogLine> ReadAsync(Guid podUid, string container, int attempt, long sinceUnixNano, LogPosition after, int? tail,
        [EnumeratorCancellation] CancellationToken ct)
    {
        const string Match = """
            FROM log_lines WHERE pod_uid = @uid AND container_name = @container AND attempt = @attempt
                AND time_unix_nano >= @since AND (time_unix_nano, id) > (@afterTime, @afterId)
            """;
        await using var command = dataSource.CreateCommand(tail is null
            ? $"SELECT id, time_unix_nano, line {Match} ORDER BY time_unix_nano, id LIMIT {PageSize}"
            : $"SELECT * FROM (SELECT id, time_unix_nano, line {Match} ORDER BY time_unix_nano DESC, id DESC LIMIT @tail) t ORDER BY time_unix_nano, id");
        command.Parameters.AddWithValue("uid", podUid);
        command.Parameters.AddWithValue("container", container);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("since", sinceUnixNano);
        command.Parameters.AddWithValue("afterTime", after.TimeUnixNano);
        command.Parameters.AddWithValue("afterId", after.Id);
        if (tail is { } count)
        {
            command.Parameters.AddWithValue("tail", count);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new StoredLogLine(new LogPosition(reader.GetInt64(1), reader.GetInt64(0)), reader.GetString(2));
        }
    }

    /// <summary>Whether the pod still exists under this uid (a followed log ends when it is gone).</summary>
    public async Task<bool> PodExistsAsync(string ns, string name, Guid uid, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM objects WHERE resource = 'pods' AND namespace = @ns AND name = @name AND uid = @uid");
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("uid", uid);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>
    /// Deletes lines and cursors older than the cutoff, a few thousand rows per statement so no single
    /// transaction holds a week's worth of row locks or WAL. Returns the lines deleted.
    /// </summary>
    public async Task<long> DeleteOlderThanAsync(long cutoffUnixNano, CancellationToken ct)
    {
        const int Chunk = 10_000;
        long deleted = 0;
        int last;
        do
        {
            await using var command = dataSource.CreateCommand(
                "DELETE FROM log_lines WHERE id IN (SELECT id FROM log_lines WHERE time_unix_nano < @cutoff LIMIT @chunk)");
            command.Parameters.AddWithValue("cutoff", cutoffUnixNano);
            command.Parameters.AddWithValue("chunk", Chunk);
            last = await command.ExecuteNonQueryAsync(ct);
            deleted += last;
        }
        while (last == Chunk);

        // A cursor older than the cutoff points before every line still kept: without it an agent ships
        // from the start, and ingestion drops what retention would delete anyway.
        await using var cursors = dataSource.CreateCommand("DELETE FROM log_cursors WHERE time_unix_nano < @cutoff");
        cursors.Parameters.AddWithValue("cutoff", cutoffUnixNano);
        await cursors.ExecuteNonQueryAsync(ct);
        return deleted;
    }

    private static long Hash(string line)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(line), digest);
        return BitConverter.ToInt64(digest[..8]);
    }
}
