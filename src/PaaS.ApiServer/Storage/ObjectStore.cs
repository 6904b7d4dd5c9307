using System.Text;
using Npgsql;
using NpgsqlTypes;
using PaaS.ApiServer.Outbox;
using PaaS.ApiServer.Secrets;
using PaaS.ApiServer.Tenancy;

namespace PaaS.ApiServer.Storage;

/// <summary>
/// Reads and writes objects. Every write is one statement and one transaction (<see cref="StoreFunctions"/>):
/// it locks the store counter and takes the next resourceVersion, writes the object with a compare-and-swap
/// on its previous version and appends the change row that is both the watch log and the outbox. Because
/// the counter row stays locked until commit, versions are handed out in commit order. Writes in a
/// namespace carry the namespace's quota policy (<see cref="NamespacePolicies"/>), so the same statement
/// books the usage and enforces quotas; Secrets are encrypted on the way in and decrypted on the way out.
/// </summary>
internal sealed class ObjectStore(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, CacheInvalidation invalidation, NamespacePolicies policies, SecretEncryption encryption) : IDisposable
{
    private const string SecretsResource = "secrets";

    /// <summary>A write retried this often because quotas kept changing under it gives up (as a 409).</summary>
    private const int MaxPolicyAttempts = 5;

    /// <summary>
    /// Writes queue here rather than in PostgreSQL: they serialize on the counter row anyway, and a
    /// queue of waiting backends on a small machine only steals CPU from the one holding the lock.
    /// </summary>
    private readonly SemaphoreSlim _writeSlots = new(Math.Max(2, Environment.ProcessorCount * 2));

    public async Task<StoredRecord?> GetAsync(string resource, string ns, string name, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT body::text, resource_version FROM objects WHERE resource = @r AND namespace = @ns AND name = @n");
        command.Parameters.AddWithValue("r", resource);
        command.Parameters.AddWithValue("ns", ns);
        command.Parameters.AddWithValue("n", name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredRecord(Served(resource, ns, name, reader.GetString(0)), reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// Lists matching objects and the store's version, read in one statement (one snapshot): every change
    /// above the returned version is in the change log, every change at or below it is in the list.
    /// </summary>
    public async Task<(long ResourceVersion, List<string> Bodies)> ListAsync(string resource, string? ns, ObjectFilter filter, CancellationToken ct)
    {
        var bodies = new List<string>();
        long version = 0;
        await foreach (var (rv, body) in EnumerateAsync(resource, ns, filter, ct))
        {
            version = rv;
            if (body is not null)
            {
                bodies.Add(body);
            }
        }

        return (version, bodies);
    }

    /// <summary>
    /// The list row by row, in (namespace, name) order, for writing it out without holding it: each row carries
    /// the store's resourceVersion at the read; the first row has a null body when nothing matched.
    /// </summary>
    public async IAsyncEnumerable<(long ResourceVersion, string? Body)> EnumerateAsync(string resource, string? ns, ObjectFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("SELECT c.value, o.body::text, o.namespace, o.name FROM store_counter c LEFT JOIN objects o ON o.resource = @r");
        command.Parameters.AddWithValue("r", resource);
        if (ns is not null)
        {
            sql.Append(" AND o.namespace = @ns");
            command.Parameters.AddWithValue("ns", ns);
        }

        filter.AppendSql(sql, command.Parameters);
        sql.Append(" WHERE c.id = 1 ORDER BY o.namespace, o.name");
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return (reader.GetInt64(0), reader.IsDBNull(1) ? null : Served(resource, reader.GetString(2), reader.GetString(3), reader.GetString(1)));
        }
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
    public Task<WriteResult> CreateAsync(ObjectWrite write, string? requireNamespace, CancellationToken ct) =>
        WriteAsync("create", write, expectedVersion: null, requireNamespace, ct);

    /// <summary>Replaces the object if it is still at <paramref name="expectedVersion"/>.</summary>
    public Task<WriteResult> UpdateAsync(ObjectWrite write, long expectedVersion, CancellationToken ct) =>
        WriteAsync("update", write, expectedVersion, requireNamespace: null, ct);

    /// <summary>Removes the object if it is still at <paramref name="expectedVersion"/>; <paramref name="write"/> is its last state for the DELETED event.</summary>
    public Task<WriteResult> DeleteAsync(ObjectWrite write, long expectedVersion, CancellationToken ct) =>
        WriteAsync("delete", write, expectedVersion, requireNamespace: null, ct);

    private async Task<WriteResult> WriteAsync(string operation, ObjectWrite write, long? expectedVersion, string? requireNamespace, CancellationToken ct)
    {
        var body = write.Resource == SecretsResource ? encryption.Protect(write.Namespace, write.Name, write.Body) : write.Body;
        for (var attempt = 1; ; attempt++)
        {
            var policy = write.Namespace.Length == 0 ? null : await policies.GetAsync(write.Namespace, ct);
            var result = await WriteOnceAsync(operation, write, body, expectedVersion, requireNamespace, policy, ct);
            if (result.Outcome != WriteOutcome.PolicyChanged)
            {
                return result;
            }

            if (attempt == MaxPolicyAttempts)
            {
                return new WriteResult(WriteOutcome.Conflict);
            }

            // Quotas, teams or namespaces changed since the policy was read: read it again.
            invalidation.TenancyChanged();
        }
    }

    private async Task<WriteResult> WriteOnceAsync(string operation, ObjectWrite write, string body, long? expectedVersion, string? requireNamespace, NamespacePolicy? policy, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT out_version, out_body FROM paas_write_object(@op, @r, @ns, @n, @uid, @labels, @node, @phase, @deleted, @body, @placeholder, @expected, @required_ns, " +
            "@usage, @policy_version, @tracked, @limits, @team, @team_limits, @team_namespaces)");
        var p = command.Parameters;
        p.AddWithValue("op", operation);
        p.AddWithValue("r", write.Resource);
        p.AddWithValue("ns", write.Namespace);
        p.AddWithValue("n", write.Name);
        p.AddWithValue("uid", write.Uid);
        p.Add(new NpgsqlParameter("labels", NpgsqlDbType.Jsonb) { Value = write.LabelsJson });
        p.Add(new NpgsqlParameter("node", NpgsqlDbType.Text) { Value = (object?)write.NodeName ?? DBNull.Value });
        p.Add(new NpgsqlParameter("phase", NpgsqlDbType.Text) { Value = (object?)write.Phase ?? DBNull.Value });
        p.Add(new NpgsqlParameter("deleted", NpgsqlDbType.TimestampTz) { Value = (object?)write.DeletionTimestamp ?? DBNull.Value });
        p.AddWithValue("body", body);
        p.AddWithValue("placeholder", write.ResourceVersionPlaceholder);
        p.Add(new NpgsqlParameter("expected", NpgsqlDbType.Bigint) { Value = (object?)expectedVersion ?? DBNull.Value });
        p.Add(new NpgsqlParameter("required_ns", NpgsqlDbType.Text) { Value = (object?)requireNamespace ?? DBNull.Value });
        p.Add(new NpgsqlParameter("usage", NpgsqlDbType.Jsonb) { Value = (object?)write.UsageJson ?? DBNull.Value });
        p.Add(new NpgsqlParameter("policy_version", NpgsqlDbType.Bigint) { Value = (object?)policy?.Version ?? DBNull.Value });
        p.Add(new NpgsqlParameter("tracked", NpgsqlDbType.Boolean) { Value = policy?.Tracked ?? false });
        p.Add(new NpgsqlParameter("limits", NpgsqlDbType.Jsonb) { Value = (object?)policy?.LimitsJson ?? DBNull.Value });
        p.Add(new NpgsqlParameter("team", NpgsqlDbType.Text) { Value = (object?)policy?.Team ?? DBNull.Value });
        p.Add(new NpgsqlParameter("team_limits", NpgsqlDbType.Jsonb) { Value = (object?)policy?.TeamLimitsJson ?? DBNull.Value });
        p.Add(new NpgsqlParameter("team_namespaces", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = policy?.TeamNamespaces ?? [] });
        await _writeSlots.WaitAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var stored = new StoredRecord(Served(write.Resource, write.Namespace, write.Name, reader.GetString(1)), reader.GetInt64(0));
            outboxSignal.Notify();
            if (write.Resource is "namespaces" or "teams.paas.dev" or "limitranges" or "resourcequotas")
            {
                // This instance sees its own tenancy changes at once; others through the database's notification.
                invalidation.TenancyChanged();
            }

            return new WriteResult(WriteOutcome.Written, stored);
        }
        catch (PostgresException e) when (e.SqlState == StoreFunctions.QuotaExceeded)
        {
            throw QuotaExceededException.FromDatabase(write.Resource, write.Name, e.MessageText);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("PA", StringComparison.Ordinal))
        {
            return new WriteResult(e.SqlState switch
            {
                StoreFunctions.NamespaceNotFound => WriteOutcome.NamespaceNotFound,
                StoreFunctions.NamespaceTerminating => WriteOutcome.NamespaceTerminating,
                StoreFunctions.AlreadyExists => WriteOutcome.AlreadyExists,
                StoreFunctions.PolicyChanged => WriteOutcome.PolicyChanged,
                _ => WriteOutcome.Conflict,
            });
        }
        finally
        {
            _writeSlots.Release();
        }
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
            var (changedResource, changedNamespace, changedName) = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
            changes.Add(new ChangeRecord(reader.GetInt64(0), changedResource, changedNamespace, changedName, reader.GetString(4), Served(changedResource, changedNamespace, changedName, reader.GetString(5))));
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

    public void Dispose() => _writeSlots.Dispose();

    /// <summary>A body as clients see it: Secrets' data decrypted (it is stored encrypted, see <see cref="SecretEncryption"/>).</summary>
    private string Served(string resource, string ns, string name, string body) =>
        resource == SecretsResource ? encryption.Unprotect(ns, name, body) : body;
}
