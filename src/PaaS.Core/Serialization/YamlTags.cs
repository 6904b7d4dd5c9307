namespace PaaS.Core.Serialization;

/// <summary>The YAML core tags go-yaml v2 gives meaning to; every other tag leaves a scalar a string.</summary>
internal static class YamlTags
{
    public const string Prefix = "tag:yaml.org,2002:";
    public const string Null = Prefix + "null";
    public const string Bool = Prefix + "bool";
    public const string Str = Prefix + "str";
    public const string Int = Prefix + "int";
    public const string Float = Prefix + "float";
    public const string Timestamp = Prefix + "timestamp";
    public const string Binary = Prefix + "binary";
    public const string Merge = Prefix + "merge";

    /// <summary>go-yaml's shortTag, for error messages: "tag:yaml.org,2002:int" is "!!int".</summary>
    public static string Short(string tag) => tag.StartsWith(Prefix, StringComparison.Ordinal) ? "!!" + tag[Prefix.Length..] : tag;
}
