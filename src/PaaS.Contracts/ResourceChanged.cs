namespace PaaS.Contracts;

/// <summary>
/// Announced after every committed change to a stored object (transactional outbox → RabbitMQ).
/// A hint, not the truth: consumers re-read the object from the API server and act on what they read.
/// </summary>
/// <param name="ApiVersion">The object's group/version, e.g. <c>apps/v1</c>.</param>
/// <param name="Kind">The object's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Namespace">Empty for cluster-scoped kinds.</param>
/// <param name="ResourceVersion">Commit-ordered version of the store after this change.</param>
/// <param name="ChangeType"><c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>, as in a Kubernetes watch.</param>
/// <param name="OwnerKind">Kind of the object's controller owner reference (a pod's ReplicaSet), if any:
/// lets a controller find the owner to reconcile even when the object is already gone.</param>
/// <param name="OwnerName">Name of that owner.</param>
/// <param name="NodeName">For pods, the node they are bound to: routes a pod's changes to its node agent.</param>
/// <param name="Phase">For pods, <c>status.phase</c>: lets the scheduler skip re-reading a running pod it already counts.</param>
/// <param name="Deleting">The object has a deletion timestamp (it waits for finalizers or its grace period):
/// the garbage collector looks only at those, not at every change.</param>
/// <param name="Labels">For pods, <c>metadata.labels</c>: lets the endpoints controller find the Services that select
/// a pod without reading it (on every pod change, for every pod).</param>
public sealed record ResourceChanged(
    string ApiVersion,
    string Kind,
    string Namespace,
    string Name,
    Guid Uid,
    long ResourceVersion,
    string ChangeType,
    string? OwnerKind = null,
    string? OwnerName = null,
    string? NodeName = null,
    string? Phase = null,
    bool Deleting = false,
    IReadOnlyDictionary<string, string>? Labels = null);
