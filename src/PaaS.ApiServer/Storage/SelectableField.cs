namespace PaaS.ApiServer.Storage;

/// <summary>A field a selector may name: how SQL reads it from an <c>objects</c> row (alias <c>o</c>) and where it sits in the JSON.</summary>
internal sealed record SelectableField(string Sql, params string[] JsonPath)
{
    /// <summary>
    /// A nullable, indexed column holding the field (null meaning empty): an equality is then written on the
    /// bare column so PostgreSQL can use its index (<c>coalesce(...)</c> in <see cref="Sql"/> hides it).
    /// </summary>
    public string? IndexedColumn { get; init; }
}
