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
    /// engine at <see cref="DockerEndpoint"/>.
    /// </summary>
    public string? DockerNode { get; set; }

    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>The Docker node's zone label (<c>topology.kubernetes.io/zone</c>), if any.</summary>
    public string? DockerNodeZone { get; set; }

    /// <summary>The address the Docker node reports and publishes its pods' container ports on (each agent on a machine can have its own 127.x address).</summary>
    public string NodeAddress { get; set; } = "127.0.0.1";

    /// <summary>The host ports pods' container ports are published on (<c>first-last</c>).</summary>
    public string PortRange { get; set; } = "40000-44999";

    /// <summary>The pod sandbox image (it owns each pod's namespaces).</summary>
    public string SandboxImage { get; set; } = Docker.DockerRuntime.DefaultSandboxImage;

    /// <summary>Where the agent keeps files of its pods (ConfigMap and Secret volumes), under a directory per node.</summary>
    public string StateDirectory { get; set; } = "/var/lib/paas/agent";

    /// <summary>Limits of a container that has none after admission (no LimitRange in its namespace): no container runs unbounded.</summary>
    public string DefaultCpuLimit { get; set; } = "1";

    public string DefaultMemoryLimit { get; set; } = "512Mi";

    /// <summary>
    /// How long a deleted pod that publishes ports keeps running before its containers get SIGTERM (counted in its
    /// grace period): time for the gateways to take it out of rotation, so no request meets a stopping app.
    /// </summary>
    public TimeSpan TerminationDrainDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The crash-loop back-off: the first delay (Kubernetes: 10 s), doubling up to the maximum (5 min).</summary>
    public TimeSpan RestartBackOff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RestartBackOffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The engine's own log files per container are capped at this many files of this size (the log store keeps the history).</summary>
    public string ContainerLogMaxSize { get; set; } = "10m";

    public int ContainerLogMaxFiles { get; set; } = 3;

    /// <summary>MemoryPressure when the host has less than this available (Kubernetes' eviction default: 100Mi).</summary>
    public string MemoryPressureThreshold { get; set; } = "100Mi";

    /// <summary>DiskPressure when the engine's disk has less than this percentage free (Kubernetes: 10%).</summary>
    public double DiskPressurePercent { get; set; } = 10;

    /// <summary>Image garbage collection: checked this often; past the high disk usage, unused images go until usage is under the low one (Kubernetes: 85%/80%).</summary>
    public TimeSpan ImageGcInterval { get; set; } = TimeSpan.FromMinutes(5);

    public double ImageGcHighPercent { get; set; } = 85;

    public double ImageGcLowPercent { get; set; } = 80;

    /// <summary>A kubeconfig per node: <c>{node}</c> in the path is replaced by the node's name (each node has its own system:node identity).</summary>
    public string? KubeconfigPattern { get; set; }
}
