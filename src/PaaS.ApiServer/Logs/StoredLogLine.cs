namespace PaaS.ApiServer.Logs;

/// <summary>A line read back for a pod's log.</summary>
internal sealed record StoredLogLine(LogPosition Position, string Line);
