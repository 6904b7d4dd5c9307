namespace PaaS.NodeAgent.Logs;

/// <summary>The container a follower reads, and the pod it belongs to, as every shipped line names them.</summary>
internal sealed record ContainerLogSource(string ContainerId, string PodNamespace, string PodName, string PodUid, string Container, int Attempt);
