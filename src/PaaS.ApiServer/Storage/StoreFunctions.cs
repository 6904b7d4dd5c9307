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
    public const string PolicyChanged = "PA428";

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
    /// (<c>p_usage</c>, see <c>QuotaUsage</c>) and its view of the namespace's quotas: the policy version it read them at,
    /// whether any quota applies (<c>p_tracked</c>), their limits and the team's. A view older than the
    /// store's policy version is refused (PA428) and the caller retries with a fresh one, so the cheap
    /// path (no quota: no ledger work at all) is never taken wrongly. Writes to quotas, teams and
    /// namespaces advance the policy version, rebuild the ledger of the namespaces they affect from the
    /// objects' usage, and notify <c>paas_tenancy</c> so every API server refreshes its caches.
    /// </summary>
    public const string CreateWriteObject = """
        CREATE OR REPLACE FUNCTION paas_write_object(
            p_op text, p_resource text, p_namespace text, p_name text, p_uid uuid, p_labels jsonb,
            p_node_name text, p_phase text, p_deletion_timestamp timestamptz, p_body text, p_placeholder text,
            p_expected_version bigint, p_required_namespace text, p_usage jsonb,
            p_policy_version bigint, p_tracked boolean, p_limits jsonb, p_team text, p_team_limits jsonb, p_team_namespaces text[])
        RETURNS TABLE (out_version bigint, out_body text)
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            v bigint;
            policy bigint;
            stored json;
            terminating boolean;
            old_usage jsonb;
        BEGIN
            UPDATE store_counter SET value = value + 1 WHERE id = 1 RETURNING value, policy_version INTO v, policy;
            IF p_namespace <> '' AND p_policy_version IS DISTINCT FROM policy THEN
                RAISE EXCEPTION USING ERRCODE = 'PA428', MESSAGE = 'quota policy changed';
            END IF;
            stored := replace(p_body, p_placeholder, v::text)::json;
            IF p_op = 'create' THEN
                IF p_required_namespace IS NOT NULL THEN
                    SELECT o.deletion_timestamp IS NOT NULL INTO terminating FROM objects o
                    WHERE o.resource = 'namespaces' AND o.namespace = '' AND o.name = p_required_namespace;
                    IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA404', MESSAGE = 'namespace not found'; END IF;
                    IF terminating THEN RAISE EXCEPTION USING ERRCODE = 'PA403', MESSAGE = 'namespace is terminating'; END IF;
                END IF;
                INSERT INTO objects (resource, namespace, name, uid, resource_version, labels, node_name, phase, deletion_timestamp, body, usage)
                VALUES (p_resource, p_namespace, p_name, p_uid, v, p_labels, p_node_name, p_phase, p_deletion_timestamp, stored, p_usage)
                ON CONFLICT DO NOTHING;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA409', MESSAGE = 'already exists'; END IF;
            ELSIF p_op = 'update' THEN
                UPDATE objects o SET resource_version = v, labels = p_labels, node_name = p_node_name, phase = p_phase,
                    deletion_timestamp = p_deletion_timestamp, body = stored, usage = p_usage
                FROM (SELECT u.usage FROM objects u
                      WHERE u.resource = p_resource AND u.namespace = p_namespace AND u.name = p_name AND u.resource_version = p_expected_version) previous
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name
                RETURNING previous.usage INTO old_usage;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
            ELSE
                DELETE FROM objects o
                WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name AND o.resource_version = p_expected_version
                RETURNING o.usage INTO old_usage;
                IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'PA412', MESSAGE = 'version conflict'; END IF;
            END IF;
            IF p_tracked AND p_namespace <> '' THEN
                PERFORM paas_charge_usage(p_namespace, CASE WHEN p_op = 'delete' THEN '{}'::jsonb ELSE coalesce(p_usage, '{}') END,
                    coalesce(old_usage, '{}'), p_limits, p_team, p_team_limits, p_team_namespaces);
            END IF;
            IF p_resource IN ('namespaces', 'teams.paas.dev', 'resourcequotas') THEN
                UPDATE store_counter SET policy_version = v WHERE id = 1;
                PERFORM paas_rebuild_usage(CASE p_resource
                    WHEN 'resourcequotas' THEN ARRAY[p_namespace]
                    WHEN 'namespaces' THEN ARRAY[p_name]
                    ELSE ARRAY(SELECT n.name FROM objects n WHERE n.resource = 'namespaces' AND n.labels @> jsonb_build_object('paas.dev/team', p_name)) END);
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

    public const string DropWriteObject = "DROP FUNCTION IF EXISTS paas_write_object(text, text, text, text, uuid, jsonb, text, text, timestamptz, text, text, bigint, text, jsonb, bigint, boolean, jsonb, text, jsonb, text[]);";

    /// <summary>
    /// Books a change of usage in a namespace some quota applies to, then checks the new totals against
    /// the namespace's quotas (<c>p_limits</c>: quota name → resource → limit) and the team's
    /// (<c>p_team_limits</c> of team <c>p_team</c>, summed over <c>p_team_namespaces</c>). Only increases are checked, as in
    /// Kubernetes; releasing never fails. Runs inside <c>paas_write_object</c>, under the counter lock, so
    /// concurrent creates are checked one after another and a quota is never overrun. A refusal raises
    /// PA429 (rolling the booking back) whose message is JSON: the quota, and per exceeded resource what
    /// was requested, used and limited.
    /// </summary>
    public const string CreateChargeUsage = """
        CREATE OR REPLACE FUNCTION paas_charge_usage(p_namespace text, p_new jsonb, p_old jsonb, p_limits jsonb, p_team text, p_team_limits jsonb, p_team_namespaces text[])
        RETURNS void
        LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            quota text;
            exceeded jsonb;
        BEGIN
            -- One statement: book the difference and find the first quota it would overrun. The checks read
            -- the ledger as it was before this statement (usage before the write) and add the difference.
            WITH delta AS (
                SELECT k AS resource, coalesce((p_new ->> k)::numeric, 0) - coalesce((p_old ->> k)::numeric, 0) AS d
                FROM (SELECT jsonb_object_keys(p_new) UNION SELECT jsonb_object_keys(p_old)) all_keys(k)),
            booked AS (
                INSERT INTO namespace_usage AS u (namespace, resource, used)
                SELECT p_namespace, delta.resource, delta.d FROM delta WHERE delta.d <> 0
                ON CONFLICT (namespace, resource) DO UPDATE SET used = u.used + excluded.used),
            over AS (
                SELECT q.key AS quota, d.resource, d.d AS requested, coalesce(u.used, 0) AS used, l.value::numeric AS hard
                FROM jsonb_each(coalesce(p_limits, '{}')) q
                CROSS JOIN LATERAL jsonb_each_text(q.value) l
                JOIN delta d ON d.resource = l.key AND d.d > 0
                LEFT JOIN namespace_usage u ON u.namespace = p_namespace AND u.resource = d.resource
                WHERE coalesce(u.used, 0) + d.d > l.value::numeric
                UNION ALL
                SELECT 'team/' || p_team, d.resource, d.d, t.total, (p_team_limits ->> d.resource)::numeric
                FROM delta d
                CROSS JOIN LATERAL (SELECT coalesce(sum(u.used), 0) AS total FROM namespace_usage u
                                    WHERE u.namespace = ANY(p_team_namespaces) AND u.resource = d.resource) t
                WHERE d.d > 0 AND p_team_limits ? d.resource AND t.total + d.d > (p_team_limits ->> d.resource)::numeric)
            SELECT o.quota, jsonb_object_agg(o.resource, jsonb_build_object('requested', o.requested, 'used', o.used, 'limited', o.hard))
            INTO quota, exceeded
            FROM over o GROUP BY o.quota ORDER BY o.quota LIKE 'team/%', o.quota LIMIT 1;
            IF exceeded IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'PA429', MESSAGE = jsonb_build_object('quota', quota, 'exceeded', exceeded)::text;
            END IF;
        END $$;
        """;

    public const string DropChargeUsage = "DROP FUNCTION IF EXISTS paas_charge_usage(text, jsonb, jsonb, jsonb, text, jsonb, text[]);";

    /// <summary>
    /// Recomputes the ledger of some namespaces from their objects' usage: called when a quota, team or
    /// namespace changes (a namespace may just have come under a quota) and at start-up.
    /// </summary>
    public const string CreateRebuildUsage = """
        CREATE OR REPLACE FUNCTION paas_rebuild_usage(p_namespaces text[])
        RETURNS void
        LANGUAGE sql VOLATILE AS $$
            DELETE FROM namespace_usage WHERE namespace = ANY(p_namespaces);
            INSERT INTO namespace_usage (namespace, resource, used)
            SELECT o.namespace, u.key, sum(u.value::numeric) FROM objects o, jsonb_each_text(o.usage) u
            WHERE o.namespace = ANY(p_namespaces) AND o.usage IS NOT NULL GROUP BY o.namespace, u.key;
        $$;
        """;

    public const string DropRebuildUsage = "DROP FUNCTION IF EXISTS paas_rebuild_usage(text[]);";
}
