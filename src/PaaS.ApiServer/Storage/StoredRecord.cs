namespace PaaS.ApiServer.Storage;

/// <summary>An object as read back: its JSON and the version it was written at.</summary>
internal sealed record StoredRecord(string Body, long ResourceVersion);
