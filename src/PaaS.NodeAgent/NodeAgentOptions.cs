namespace PaaS.NodeAgent;

/// <summary>Settings of the node agent role (section <c>Agent</c>).</summary>
public sealed class NodeAgentOptions
{
    public const string Section = "Agent";

    /// <summary>How often the agent re-lists its pods even without events (default 20 s).</summary>
    public TimeSpan RelistInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the node's Lease is renewed (Kubernetes: 10 s).</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated nodes this process runs (named <c>&lt;SimulatedPrefix&gt;-1</c> ...); 0 for none.</summary>
    public int SimulatedNodes { get; set; }

    public string SimulatedPrefix { get; set; } = "sim";

    /// <summary>Zones the simulated nodes are spread over, round robin (label <c>topology.kubernetes.io/zone</c>).</summary>
    public IReadOnlyList<string> SimulatedZones { get; set; } = ["zone-a", "zone-b", "zone-c"];

    /// <summary>What each simulated node offers.</summary>
    public string SimulatedCpu { get; set; } = "8";

    public string SimulatedMemory { get; set; } = "32Gi";

    public int SimulatedPods { get; set; } = 110;

    /// <summary>
    /// When set, this process also runs a node of that name whose pods are real containers on the Docker
    /// engine at <see cref="DockerEndpoint"/> (the Docker runtime; its probes, restarts and logs are being built).
    /// </summary>
    public string? DockerNode { get; set; }

    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>The Docker node's zone label (<c>topology.kubernetes.io/zone</c>), if any.</summary>
    public string? DockerNodeZone { get; set; }

    /// <summary>The address the Docker node reports (and, later, publishes pod ports on).</summary>
    public string NodeAddress { get; set; } = "127.0.0.1";

    /// <summary>A kubeconfig per node: <c>{node}</c> in the path is replaced by the node's name (each node has its own system:node identity).</summary>
    public string? KubeconfigPattern { get; set; }
}
