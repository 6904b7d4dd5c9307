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
public sealed record ResourceChanged(
    string ApiVersion,
    string Kind,
    string Namespace,
    string Name,
    Guid Uid,
    long ResourceVersion,
    string ChangeType);
