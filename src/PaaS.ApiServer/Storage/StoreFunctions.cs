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

    public const string CreateWriteObject = """
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

    public const string DropWriteObject = "DROP FUNCTION IF EXISTS paas_write_object(text, text, text, text, uuid, jsonb, text, text, timestamptz, text, text, bigint, text);";
}
