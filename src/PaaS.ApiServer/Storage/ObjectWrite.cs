namespace PaaS.ApiServer.Storage;

/// <summary>
/// An object ready to store. <see cref="Body"/> carries <see cref="ResourceVersionPlaceholder"/> where
/// metadata.resourceVersion goes: the version is only known inside the write transaction, so the
/// database splices it in (a random placeholder cannot collide with user content). <see cref="UsageJson"/>
/// is what the object counts against quotas.
/// </summary>
internal sealed record ObjectWrite(
    string Resource,
    string Namespace,
    string Name,
    Guid Uid,
    string LabelsJson,
    string? NodeName,
    string? Phase,
    DateTimeOffset? DeletionTimestamp,
    string Body,
    string ResourceVersionPlaceholder,
    string? UsageJson = null);
