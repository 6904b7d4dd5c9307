namespace PaaS.ApiServer.Storage;

/// <summary>
/// SQL installed by the migrations. <c>paas_write_object</c> is the whole write path in one statement:
/// one round trip that takes the next version (locking the counter row), checks, writes the object with
/// a compare-and-swap, appends the change row and commits. The counter lock is therefore held only while
/// the database works, never across a round trip to the API server, which keeps the serialized section
/// short. Being VOLATILE, each statement inside sees a fresh snapshot taken after the lock was granted,
/// so the namespace check sees every earlier commit. Refusals raise SQLSTATEs in the PA class so the
/// counter increment rolls back with them.
/// </summary>
internal static class StoreFunctions
{
    public const string NamespaceNotFound = "PA404";
    public const string NamespaceTerminating = "PA403";
    public const string AlreadyExists = "PA409";
    public const string Conflict = "PA412";
    public const string QuotaExceeded = "PA429";

    /// <summary>The first version (InitialSchema), kept as it was: migrations never change.</summary>
    public const string CreateWriteObjectV1 = """
        CREATE OR REPLACE FUNCTION paas_write_object(
            p_op text, p_resource text, p_namespace text, p_name text, p_uid uuid, p_labels jsonb,
            p_node_name text, p_phase text, p_deletion_timestamp timestamptz, p_body text, p_placeholder text,
            p_expected_version bigint, p_required_namespace text)
        RETURNS TABLE (out_version bigint, out_body text)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            v bigint;
            stored json;
            terminating boolean;
        BEGIN
            UPDATE store_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO v;
            stored := replace(p_body, p_placeholder, v::text)::json;
            IF p_op = 'create' THEN
                IF p_required_namespace IS NOT NULL THEN
                    SELECT o.deletion_timestamp IS NOT NULL INTO terminating FROM objects o
                    WHERE o.resource = 'namespaces' AND o.namespace = '' AND o.name = p_required_namespace;
                    IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA404', MESSAGE = 'namespace not found'; END IF;
                    IF terminating THEN RAISE EXCEPTION USING ERRCODE = 'PA403', MESSAGE = 'namespace is terminating'; END IF;
                END IF;
                INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, node_name, phase, deletion_timestamp, body)
                VALUES (p_resource, p_namespace, p_name, p_uid, v, p_labels, p_node_name, p_phase, p_deletion_timestamp, stored)
                ON CONFLICT DO NOTHING;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA409', MESSAGE = 'already exists'; END IF;
            ELSIF p_op = 'update' THEN
                UPDATE objects o SET resource_version = v, labels = p_labels, node_name = p_node_name, phase = p_phase,
                    deletion_timestamp = p_deletion_timestamp, body = stored
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name AND o.resource_version = p_expected_version;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
            ELSE
                DELETE FROM objects o
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name AND o.resource_version = p_expected_version;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
            END IF;
            INSERT INTO object_changes (resource_version, resource, namespace, name, uid, change_type, body, committed_at)
            VALUES (v, p_resource, p_namespace, p_name, p_uid,
                CASE p_op WHEN 'create' THEN 'ADDED' WHEN 'update' THEN 'MODIFIED' ELSE 'DELETED' END, stored, now());
            RETURN QUERY SELECT v, stored::text;
        END $$;
        """;

    public const string DropWriteObjectV1 = "DROP FUNCTION IF EXISTS paas_write_object(text, text, text, text, uuid, jsonb, text, text, timestamptz, text, text, bigint, text);";

    /// <summary>
    /// Tenancy version (AddTenancy): also keeps the quota ledger. The caller passes what the object uses
    /// (<c>p_usage</c>, see <c>QuotaUsage</c>) and, for quotas and teams, their normalised hard limits
    /// (<c>p_quota_hard</c>); <c>paas_charge_usage</c> checks and books the difference. Writes to
    /// namespaces, teams, limit ranges and quotas notify <c>paas_tenancy</c> so every API server refreshes its caches.
    /// </summary>
    public const string CreateWriteObject = """
        CREATE OR REPLACE FUNCTION paas_write_object(
            p_op text, p_resource text, p_namespace text, p_name text, p_uid uuid, p_labels jsonb,
            p_node_name text, p_phase text, p_deletion_timestamp timestamptz, p_body text, p_placeholder text,
            p_expected_version bigint, p_required_namespace text, p_usage jsonb, p_quota_hard jsonb)
        RETURNS TABLE (out_version bigint, out_body text)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            v bigint;
            stored json;
            terminating boolean;
            old_usage jsonb;
        BEGIN
            UPDATE store_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO v;
            stored := replace(p_body, p_placeholder, v::text)::json;
            IF p_op = 'create' THEN
                IF p_required_namespace IS NOT NULL THEN
                    SELECT o.deletion_timestamp IS NOT NULL INTO terminating FROM objects o
                    WHERE o.resource = 'namespaces' AND o.namespace = '' AND o.name = p_required_namespace;
                    IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA404', MESSAGE = 'namespace not found'; END IF;
                    IF terminating THEN RAISE EXCEPTION USING ERRCODE = 'PA403', MESSAGE = 'namespace is terminating'; END IF;
                END IF;
                INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, node_name, phase, deletion_timestamp, body, usage, quota_hard)
                VALUES (p_resource, p_namespace, p_name, p_uid, v, p_labels, p_node_name, p_phase, p_deletion_timestamp, stored, p_usage, p_quota_hard)
                ON CONFLICT DO NOTHING;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA409', MESSAGE = 'already exists'; END IF;
            ELSIF p_op = 'update' THEN
                SELECT o.usage INTO old_usage FROM objects o
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name AND o.resource_version = p_expected_version;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
                UPDATE objects o SET resource_version = v, labels = p_labels, node_name = p_node_name, phase = p_phase,
                    deletion_timestamp = p_deletion_timestamp, body = stored, usage = p_usage, quota_hard = p_quota_hard
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name;
            ELSE
                DELETE FROM objects o
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name AND o.resource_version = p_expected_version
                RETURNING o.usage INTO old_usage;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
                IF p_resource = 'namespaces' THEN
                    DELETE FROM namespace_usage WHERE namespace = p_name;
                END IF;
            END IF;
            IF p_namespace <> '' AND (p_usage IS NOT NULL OR old_usage IS NOT NULL) THEN
                PERFORM paas_charge_usage(p_namespace, CASE WHEN p_op = 'delete' THEN '{}'::jsonb ELSE coalesce(p_usage, '{}') END, coalesce(old_usage, '{}'));
            END IF;
            IF p_resource IN ('namespaces', 'teams.paas.dev', 'limitranges', 'resourcequotas') THEN
                PERFORM pg_notify('paas_tenancy', p_resource);
            END IF;
            INSERT INTO object_changes (resource_version, resource, namespace, name, uid, change_type, body, committed_at)
            VALUES (v, p_resource, p_namespace, p_name, p_uid,
                CASE p_op WHEN 'create' THEN 'ADDED' WHEN 'update' THEN 'MODIFIED' ELSE 'DELETED' END, stored, now());
            RETURN QUERY SELECT v, stored::text;
        END $$;
        """;

    public const string DropWriteObject = "DROP FUNCTION IF EXISTS paas_write_object(text, text, text, text, uuid, jsonb, text, text, timestamptz, text, text, bigint, text, jsonb, jsonb);";

    /// <summary>
    /// Books a change of usage in a namespace. Increases are checked against every ResourceQuota of the
    /// namespace and the team-wide quota of the namespace's team; decreases always pass, as in
    /// Kubernetes. Runs inside <c>paas_write_object</c>, under the counter lock, so concurrent creates
    /// are checked one after another and a quota is never overrun. A refusal raises PA429 whose message
    /// is JSON: the quota, and per exceeded resource what was requested, used and limited.
    /// </summary>
    public const string CreateChargeUsage = """
        CREATE OR REPLACE FUNCTION paas_charge_usage(p_namespace text, p_new jsonb, p_old jsonb)
        RETURNS void
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            delta jsonb;
            q record;
            team text;
            exceeded jsonb;
        BEGIN
            SELECT coalesce(jsonb_object_agg(k, d), '{}') INTO delta FROM (
                SELECT k, coalesce((p_new ->> k)::numeric, 0) - coalesce((p_old ->> k)::numeric, 0) AS d
                FROM (SELECT jsonb_object_keys(p_new) AS k UNION SELECT jsonb_object_keys(p_old)) keys) changes
            WHERE d <> 0;
            IF delta = '{}' THEN RETURN; END IF;
            IF EXISTS (SELECT 1 FROM jsonb_each_text(delta) WHERE value::numeric > 0) THEN
                FOR q IN SELECT o.name, o.quota_hard FROM objects o
                         WHERE o.resource = 'resourcequotas' AND o.namespace = p_namespace AND o.quota_hard IS NOT NULL ORDER BY o.name LOOP
                    SELECT jsonb_object_agg(d.key, jsonb_build_object('requested', d.value::numeric, 'used', coalesce(u.used, 0), 'limited', (q.quota_hard ->> d.key)::numeric))
                    INTO exceeded
                    FROM jsonb_each_text(delta) d
                    LEFT JOIN namespace_usage u ON u.namespace = p_namespace AND u.resource = d.key
                    WHERE d.value::numeric > 0 AND q.quota_hard ? d.key
                      AND coalesce(u.used, 0) + d.value::numeric > (q.quota_hard ->> d.key)::numeric;
                    IF exceeded IS NOT NULL THEN
                        RAISE EXCEPTION USING ERRCODE = 'PA429', MESSAGE = jsonb_build_object('quota', q.name, 'exceeded', exceeded)::text;
                    END IF;
                END LOOP;

                SELECT n.labels ->> 'paas.dev/team' INTO team FROM objects n
                WHERE n.resource = 'namespaces' AND n.namespace = '' AND n.name = p_namespace;
                IF team IS NOT NULL THEN
                    SELECT t.name, t.quota_hard INTO q FROM objects t
                    WHERE t.resource = 'teams.paas.dev' AND t.namespace = '' AND t.name = team AND t.quota_hard IS NOT NULL;
                    IF FOUND THEN
                        SELECT jsonb_object_agg(d.key, jsonb_build_object('requested', d.value::numeric, 'used', used.total, 'limited', (q.quota_hard ->> d.key)::numeric))
                        INTO exceeded
                        FROM jsonb_each_text(delta) d
                        CROSS JOIN LATERAL (
                            SELECT coalesce(sum(u.used), 0) AS total FROM namespace_usage u
                            JOIN objects n ON n.resource = 'namespaces' AND n.namespace = '' AND n.name = u.namespace
                            WHERE u.resource = d.key AND n.labels @> jsonb_build_object('paas.dev/team', team)) used
                        WHERE d.value::numeric > 0 AND q.quota_hard ? d.key
                          AND used.total + d.value::numeric > (q.quota_hard ->> d.key)::numeric;
                        IF exceeded IS NOT NULL THEN
                            RAISE EXCEPTION USING ERRCODE = 'PA429', MESSAGE = jsonb_build_object('quota', 'team/' || team, 'exceeded', exceeded)::text;
                        END IF;
                    END IF;
                END IF;
            END IF;
            INSERT INTO namespace_usage (namespace, resource, used)
            SELECT p_namespace, d.key, d.value::numeric FROM jsonb_each_text(delta) d
            ON CONFLICT (namespace, resource) DO UPDATE SET used = namespace_usage.used + excluded.used;
        END $$;
        """;

    public const string DropChargeUsage = "DROP FUNCTION IF EXISTS paas_charge_usage(text, jsonb, jsonb);";
}
