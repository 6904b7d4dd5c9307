namespace PaaS.ApiServer.Logs;

/// <summary>A validated line of a shipped batch, ready to store.</summary>
internal sealed record IngestedLine(
    string Namespace, string Pod, Guid PodUid, string Container, int Attempt, string ContainerId, long TimeUnixNano, string Stream, string Line);
