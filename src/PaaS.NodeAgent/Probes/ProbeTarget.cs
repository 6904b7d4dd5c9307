using k8s.Models;

namespace PaaS.NodeAgent.Probes;

/// <summary>What a probe runs against: the pod's sandbox (whose network namespace network probes enter),
/// the app container (where exec probes run) and its spec (whose named ports httpGet and tcpSocket may use).</summary>
public sealed record ProbeTarget(string SandboxContainerId, string ContainerId, V1Container Container);
