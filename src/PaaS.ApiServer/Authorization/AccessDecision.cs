namespace PaaS.ApiServer.Authorization;

/// <summary>
/// The authorizer's answer. An allowed list or watch may be narrowed to the namespaces (or, for
/// cluster-scoped kinds, the names) the caller may see; an allowed write may still depend on the object
/// (<see cref="Guard"/>), which the write flow checks against the stored and the new object.
/// </summary>
internal sealed record AccessDecision(bool Allowed, string? Reason = null)
{
    public static AccessDecision Allow { get; } = new(true);

    public IReadOnlyCollection<string>? VisibleNamespaces { get; init; }

    public IReadOnlyCollection<string>? VisibleNames { get; init; }

    public ObjectGuard Guard { get; init; } = ObjectGuard.None;

    /// <summary>A field selector a list or watch must carry (a node agent may only list its own pods).</summary>
    public (string Field, string Value)? RequiredField { get; init; }

    /// <summary>The object read must be used by a pod bound to this node (a node agent reading a secret or config map).</summary>
    public string? ReferencedByPodsOfNode { get; init; }

    public static AccessDecision Deny(string reason) => new(false, reason);
}
