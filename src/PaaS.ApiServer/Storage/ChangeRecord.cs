namespace PaaS.ApiServer.Storage;

/// <summary>One entry of the change log, as watches read it.</summary>
internal sealed record ChangeRecord(long ResourceVersion, string Resource, string Namespace, string Name, string ChangeType, string Body);
