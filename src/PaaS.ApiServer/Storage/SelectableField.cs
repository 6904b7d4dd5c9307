namespace PaaS.ApiServer.Storage;

/// <summary>A field a selector may name: how SQL reads it from an <c>objects</c> row (alias <c>o</c>) and where it sits in the JSON.</summary>
internal sealed record SelectableField(string Sql, params string[] JsonPath);
