namespace PaaS.ApiServer.Storage;

/// <summary>One term of a field selector: <c>spec.nodeName=node-1</c> or <c>status.phase!=Running</c>.</summary>
internal sealed record FieldRequirement(string Field, bool Equal, string Value, SelectableField Selectable);
