namespace PaaS.Core.Patching;

/// <summary>
/// How strategic merge patch treats one field: the schema of its value (of each item, for a list), and whether a
/// list merges (Kubernetes' <c>patchStrategy:"merge"</c>) by <see cref="MergeKey"/> or, without one, as a set of
/// primitives. Any other list is replaced wholesale.
/// </summary>
internal sealed record PatchField(PatchSchema Schema, bool MergesList = false, string? MergeKey = null)
{
    /// <summary>A field the schema does not list: maps still merge, lists are replaced.</summary>
    public static readonly PatchField Unknown = new(PatchSchema.Unknown);

    public static PatchField Nested(PatchSchema schema) => new(schema);

    public static PatchField MergeBy(string mergeKey, PatchSchema? item = null) => new(item ?? PatchSchema.Unknown, true, mergeKey);

    /// <summary>A <c>patchStrategy:"merge"</c> list of strings, such as <c>metadata.finalizers</c>: a union that keeps order.</summary>
    public static PatchField PrimitiveSet { get; } = new(PatchSchema.Unknown, true);
}
