using System.Text;
using Npgsql;
using NpgsqlTypes;
using PaaS.ApiServer.Outbox;

namespace PaaS.ApiServer.Storage;

/// <summary>
/// Reads and writes objects. Every write is one transaction that (1) locks the store counter and takes
/// the next resourceVersion, (2) writes the object with a compare-and-swap on its previous version and,
/// in the same statement, appends the change row that is both the watch log and the outbox. Because the
/// counter row stays locked until commit, versions are handed out in commit order.
/// </summary>
internal sealed class ObjectStore(NpgsqlDataSource dataSource, OutboxSignal outboxSignal)
{
    private const string TakeVersion = "UPDATE store_counter SET value = value + 1 WHERE id = 1 RETURNING value";

    private const string LogChange = """
        INSERT INTO object_changes (resource_version, resource, namespace, name, uid, change_type, body, committed_at)
        SELECT w.resource_version, w.resource, w.namespace, w.name, w.uid, @change_type, w.body, now() FROM written w
        RETURNING resource_version, body::text
        """;

    public async Task<StoredRecord?> GetAsync(string resource, string ns, string name, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT body::text, resource_version FROM objects WHERE resource = @r AND namespace = @ns AND name = @n");
        command.Parameters.AddWithValue("r", resource);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("n", name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredRecord(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// Lists matching objects and the store's version, read in one statement (one snapshot): every change
    /// above the returned version is in the change log, every change at or below it is in the list.
    /// </summary>
    public async Task<(long ResourceVersion, List<string> Bodies)> ListAsync(string resource, string? ns, ObjectFilter filter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("SELECT c.value, o.body::text FROM store_counter c LEFT JOIN objects o ON o.resource = @r");
        command.Parameters.AddWithValue("r", resource);
        if (ns is not null)
        {
            sql.Append(" AND o.namespace = @ns");
            command.Parameters.AddWithValue("ns", ns);
        }

        filter.AppendSql(sql, command.Parameters);
        sql.Append(" WHERE c.id = 1 ORDER BY o.namespace, o.name");
        command.CommandText = sql.ToString();

        var bodies = new List<string>();
        long version = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                bodies.Add(reader.GetString(1));
            }
        }

        return (version, bodies);
    }

    /// <summary>Every object in a namespace, whatever its kind (for namespace finalization).</summary>
    public async Task<List<(string Resource, string Name)>> ListNamespaceContentsAsync(string ns, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT resource, name FROM objects WHERE namespace = @ns ORDER BY resource, name");
        command.Parameters.AddWithValue("ns", ns);
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    public async Task<List<string>> ListTerminatingNamespacesAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT name FROM objects WHERE resource = 'namespaces' AND deletion_timestamp IS NOT NULL");
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <param name="requireNamespace">The namespace (for namespaced kinds) that must exist and not be terminating.</param>
    public Task<WriteResult> CreateAsync(ObjectWrite write, string? requireNamespace, CancellationToken ct)
    {
        var sql = $"""
            WITH written AS (
                INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, node_name, phase, deletion_timestamp, body)
                SELECT @r, @ns, @n, @uid, c.value, @labels, @node, @phase, @deleted, replace(@body, @placeholder, c.value::text)::json
                FROM store_counter c
                WHERE c.id = 1 {(requireNamespace is null ? "" : "AND EXISTS (SELECT 1 FROM objects n WHERE n.resource = 'namespaces' AND n.namespace = '' AND n.name = @required_ns AND n.deletion_timestamp IS NULL)")}
                ON CONFLICT DO NOTHING
                RETURNING *)
            {LogChange}
            """;
        return WriteAsync(sql, write, "ADDED", expectedVersion: null, requireNamespace, ct);
    }

    /// <summary>Replaces the object if it is still at <paramref name="expectedVersion"/>.</summary>
    public Task<WriteResult> UpdateAsync(ObjectWrite write, long expectedVersion, CancellationToken ct)
    {
        var sql = $"""
            WITH written AS (
                UPDATE objects o SET resource_version = c.value, labels = @labels, node_name = @node, phase = @phase,
                    deletion_timestamp = @deleted, body = replace(@body, @placeholder, c.value::text)::json
                FROM store_counter c
                WHERE c.id = 1 AND o.resource = @r AND o.namespace = @ns AND o.name = @n AND o.resource_version = @expected
                RETURNING o.*)
            {LogChange}
            """;
        return WriteAsync(sql, write, "MODIFIED", expectedVersion, requireNamespace: null, ct);
    }

    /// <summary>Removes the object if it is still at <paramref name="expectedVersion"/>; <paramref name="write"/> is its last state for the DELETED event.</summary>
    public Task<WriteResult> DeleteAsync(ObjectWrite write, long expectedVersion, CancellationToken ct)
    {
        const string sql = $"""
            WITH removed AS (
                DELETE FROM objects o
                WHERE o.resource = @r AND o.namespace = @ns AND o.name = @n AND o.resource_version = @expected
                RETURNING o.resource, o.namespace, o.name, o.uid),
            written AS (
                SELECT c.value AS resource_version, x.resource, x.namespace, x.name, x.uid,
                    replace(@body, @placeholder, c.value::text)::json AS body
                FROM removed x, store_counter c WHERE c.id = 1)
            {LogChange}
            """;
        return WriteAsync(sql, write, "DELETED", expectedVersion, requireNamespace: null, ct);
    }

    private async Task<WriteResult> WriteAsync(string sql, ObjectWrite write, string changeType, long? expectedVersion, string? requireNamespace, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Statement 1 takes the counter lock; statement 2 then starts with a snapshot taken after it,
        // so its namespace check and compare-and-swap see every earlier commit.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TakeVersion));
        var write2 = new NpgsqlBatchCommand(sql);
        var p = write2.Parameters;
        p.AddWithValue("r", write.Resource);
        p.AddWithValue("ns", write.Namespace);
        p.AddWithValue("n", write.Name);
        p.AddWithValue("uid", write.Uid);
        p.Add(new NpgsqlParameter("labels", NpgsqlDbType.Jsonb) { Value = write.LabelsJson });
        p.Add(new NpgsqlParameter("node", NpgsqlDbType.Text) { Value = (object?)write.NodeName ?? DBNull.Value });
        p.Add(new NpgsqlParameter("phase", NpgsqlDbType.Text) { Value = (object?)write.Phase ?? DBNull.Value });
        p.Add(new NpgsqlParameter("deleted", NpgsqlDbType.TimestampTz) { Value = (object?)write.DeletionTimestamp ?? DBNull.Value });
        p.AddWithValue("body", write.Body);
        p.AddWithValue("placeholder", write.ResourceVersionPlaceholder);
        p.AddWithValue("change_type", changeType);
        if (expectedVersion is { } expected)
        {
            p.AddWithValue("expected", expected);
        }

        if (requireNamespace is not null)
        {
            p.AddWithValue("required_ns", requireNamespace);
        }

        batch.BatchCommands.Add(write2);

        StoredRecord? stored = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                stored = new StoredRecord(reader.GetString(1), reader.GetInt64(0));
            }
        }

        if (stored is not null)
        {
            await transaction.CommitAsync(ct);
            outboxSignal.Notify();
            return new WriteResult(WriteOutcome.Written, stored);
        }

        await transaction.RollbackAsync(ct);
        if (expectedVersion is not null)
        {
            return new WriteResult(WriteOutcome.Conflict);
        }

        return new WriteResult(await DiagnoseFailedCreateAsync(write, requireNamespace, ct));
    }

    private async Task<WriteOutcome> DiagnoseFailedCreateAsync(ObjectWrite write, string? requireNamespace, CancellationToken ct)
    {
        if (requireNamespace is not null)
        {
            await using var command = dataSource.CreateCommand("SELECT deletion_timestamp IS NOT NULL FROM objects WHERE resource = 'namespaces' AND namespace = '' AND name = @n");
            command.Parameters.AddWithValue("n", requireNamespace);
            var terminating = await command.ExecuteScalarAsync(ct);
            if (terminating is null)
            {
                return WriteOutcome.NamespaceNotFound;
            }

            if ((bool)terminating)
            {
                return WriteOutcome.NamespaceTerminating;
            }
        }

        return WriteOutcome.AlreadyExists;
    }

    /// <summary>Changes after <paramref name="afterVersion"/>, oldest first, for one resource (and namespace).</summary>
    public async Task<List<ChangeRecord>> ReadChangesAsync(long afterVersion, string? resource, string? ns, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("SELECT resource_version, resource, namespace, name, change_type, body::text FROM object_changes WHERE resource_version > @after");
        command.Parameters.AddWithValue("after", afterVersion);
        if (resource is not null)
        {
            sql.Append(" AND resource = @r");
            command.Parameters.AddWithValue("r", resource);
        }

        if (ns is not null)
        {
            sql.Append(" AND namespace = @ns");
            command.Parameters.AddWithValue("ns", ns);
        }

        sql.Append(" ORDER BY resource_version LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = sql.ToString();
        var changes = new List<ChangeRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            changes.Add(new ChangeRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return changes;
    }

    /// <summary>The current store version and the version through which the change log was trimmed.</summary>
    public async Task<(long Current, long CompactedThrough)> GetVersionsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT value, compacted_through FROM store_counter WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
