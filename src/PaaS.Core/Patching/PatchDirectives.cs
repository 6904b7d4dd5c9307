namespace PaaS.Core.Patching;

/// <summary>The <c>$</c> keys strategic merge patch uses to say more than "merge this value".</summary>
internal static class PatchDirectives
{
    /// <summary><c>$patch: replace | delete | merge</c> on a map, or as a list item.</summary>
    public const string Patch = "$patch";

    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";

    /// <summary>The only keys the map keeps; kubectl sends it for unions such as a volume's source or a deployment strategy.</summary>
    public const string RetainKeys = "$retainKeys";

    /// <summary><c>$setElementOrder/&lt;list&gt;</c>: the order of the merged list, as merge keys (or values, for primitives).</summary>
    public const string SetElementOrderPrefix = "$setElementOrder/";

    /// <summary><c>$deleteFromPrimitiveList/&lt;list&gt;</c>: values to take out of a merged primitive list.</summary>
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
}
