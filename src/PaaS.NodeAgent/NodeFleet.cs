using Docker.DotNet;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.NodeAgent.Config;
using PaaS.NodeAgent.Docker;
using PaaS.NodeAgent.Logs;
using PaaS.NodeAgent.Simulated;

namespace PaaS.NodeAgent;

/// <summary>
/// The nodes this agent process runs, each a real node agent (registration, lease, pod sync, status reports
/// through the API with the node's own identity): <see cref="NodeAgentOptions.SimulatedNodes"/> <b>simulated</b>
/// nodes (kubemark's hollow nodes, over <see cref="SimulatedRuntime"/>, which runs nothing: for scale tests and
/// benchmarks) and, when <see cref="NodeAgentOptions.DockerNode"/> is set, one node on the Docker engine.
/// </summary>
public sealed partial class NodeFleet(IOptions<NodeAgentOptions> options, TimeProvider time, ILoggerFactory loggers, ILogger<NodeFleet> fleetLogger) : BackgroundService
{
    public const string SimulatedLabel = "paas.dev/simulated";
    private readonly Dictionary<string, NodeAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Run)> _running = new(StringComparer.Ordinal);
    private CancellationToken _stopping;
    private long _changesReceived;
    private long _changesForOthers;
    private DockerClient? _docker;
    private DockerRuntime? _dockerRuntime;
    private ContainerLogShipper? _logShipper;
    private Task _dockerWatch = Task.CompletedTask;

    /// <summary>The names of the nodes this process runs: <c>&lt;prefix&gt;-1</c> ... <c>&lt;prefix&gt;-N</c>, and the Docker node.</summary>
    public static IEnumerable<string> NodeNames(NodeAgentOptions settings) =>
        Enumerable.Range(1, Math.Max(0, settings.SimulatedNodes)).Select(i => NodeName(settings, i))
            .Concat(string.IsNullOrEmpty(settings.DockerNode) ? [] : [settings.DockerNode]);

    private static string NodeName(NodeAgentOptions settings, int index) => $"{settings.SimulatedPrefix}-{index}";

    /// <summary>Wakes the agent of the node a pod change concerns.</summary>
    public void Notify(ResourceChanged change)
    {
        Interlocked.Increment(ref _changesReceived);
        if (change.Kind == "Pod" && change.NodeName is { } node && _agents.TryGetValue(node, out var agent))
        {
            agent.OnPodChanged(change);
        }
        else
        {
            // Routing by node should make this impossible; counted so a routing fault shows.
            Interlocked.Increment(ref _changesForOthers);
        }
    }

    /// <summary>Changes delivered to this process since it started.</summary>
    public long ChangesReceived => Interlocked.Read(ref _changesReceived);

    /// <summary>Delivered changes that concerned none of this process's nodes (0 when routing works).</summary>
    public long ChangesForOthers => Interlocked.Read(ref _changesForOthers);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!NodeNames(settings).Any())
        {
            LogNoNodes(fleetLogger);
            return;
        }

        var pattern = settings.KubeconfigPattern
            ?? throw new InvalidOperationException("Agent:KubeconfigPattern must name each node's kubeconfig, e.g. /var/lib/paas/nodes/{node}.kubeconfig");
        IKubernetes Client(string node) => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(pattern.Replace("{node}", node, StringComparison.Ordinal)));
        var logger = loggers.CreateLogger<NodeAgent>();
        for (var i = 1; i <= settings.SimulatedNodes; i++)
        {
            var name = NodeName(settings, i);
            var zone = settings.SimulatedZones.Count == 0 ? null : settings.SimulatedZones[(i - 1) % settings.SimulatedZones.Count];
            _agents[name] = new NodeAgent(name, Registration(name, zone, settings), Client(name), new SimulatedRuntime(time, i), settings, time, logger);
        }

        if (settings.DockerNode is { Length: > 0 } dockerNode)
        {
            _docker = new DockerClientConfiguration(new Uri(settings.DockerEndpoint)).CreateClient();
            var client = Client(dockerNode);
            _logShipper = new ContainerLogShipper(_docker, client, dockerNode, loggers.CreateLogger<ContainerLogShipper>(), time: time);
            _dockerRuntime = new DockerRuntime(_docker, dockerNode, settings, new ApiPodConfigSource(client), time, loggers.CreateLogger<DockerRuntime>(), _logShipper);
            _agents[dockerNode] = new NodeAgent(dockerNode, DockerRegistration(dockerNode, settings), client, _dockerRuntime, settings, time, logger);
            _dockerWatch = _dockerRuntime.WatchAsync(stoppingToken);
        }

        LogStarting(fleetLogger, _agents.Count);
        _stopping = stoppingToken;
        foreach (var agent in _agents.Keys)
        {
            StartNode(agent);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            List<Task> runs;
            lock (_running)
            {
                runs = _running.Values.Select(r => r.Run).ToList();
            }

            // The agents end by cancellation; their outcome is not an error.
            await Task.WhenAll(runs.Append(_dockerWatch)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (_logShipper is not null)
            {
                // Stops at once; the next agent resumes each container's log from its stored cursor.
                await _logShipper.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Stops a simulated node's agent as a crash or network partition would: no more heartbeats or status
    /// reports, while its "containers" keep running in the runtime. For failure tests.
    /// </summary>
    public void StopNode(string name)
    {
        lock (_running)
        {
            if (_running.Remove(name, out var run))
            {
                run.Stop.Cancel();
                run.Stop.Dispose();
            }
        }
    }

    /// <summary>Starts (again) a simulated node's agent; a node that comes back first reconciles what it still runs.</summary>
    public void StartNode(string name)
    {
        lock (_running)
        {
            if (_running.ContainsKey(name))
            {
                return;
            }

            var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            _running[name] = (stop, Task.Run(() => _agents[name].RunAsync(stop.Token), CancellationToken.None));
        }
    }

    public override void Dispose()
    {
        foreach (var agent in _agents.Values)
        {
            agent.Dispose();
        }

        _dockerRuntime?.Dispose();
        _docker?.Dispose();

        base.Dispose();
    }

    /// <summary>The Node a simulated node registers: its capacity, zone, and a label saying it is simulated.</summary>
    public static V1Node Registration(string name, string? zone, NodeAgentOptions settings)
    {
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            [SimulatedLabel] = "true",
        };
        if (zone is not null)
        {
            labels["topology.kubernetes.io/zone"] = zone;
        }

        var capacity = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(settings.SimulatedCpu),
            ["memory"] = new(settings.SimulatedMemory),
            ["pods"] = new(settings.SimulatedPods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec(),
            Status = new V1NodeStatus
            {
                Capacity = capacity,
                Allocatable = capacity,
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "127.0.0.1" }, new V1NodeAddress { Type = "Hostname", Address = name }],
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "simulated node agent is posting ready status", LastHeartbeatTime = DateTime.UtcNow, LastTransitionTime = DateTime.UtcNow }],
                NodeInfo = new V1NodeSystemInfo
                {
                    KubeletVersion = "paas-simulated", ContainerRuntimeVersion = "simulated://1", OperatingSystem = "linux", Architecture = "amd64",
                    OsImage = "simulated", KernelVersion = "simulated", KubeProxyVersion = "", MachineID = name, SystemUUID = name, BootID = name,
                },
            },
        };
    }

    /// <summary>The Node the Docker node registers (its capacity, conditions and versions are filled in from the engine by <see cref="DockerRuntime.DescribeNodeAsync"/>).</summary>
    public static V1Node DockerRegistration(string name, NodeAgentOptions settings)
    {
        var node = Registration(name, settings.DockerNodeZone, settings);
        node.Metadata.Labels.Remove(SimulatedLabel);
        node.Status.Addresses = [new V1NodeAddress { Type = "InternalIP", Address = settings.NodeAddress }, new V1NodeAddress { Type = "Hostname", Address = name }];
        return node;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent role: neither simulated nodes (Agent:SimulatedNodes) nor a Docker node (Agent:DockerNode) configured, so this process runs no node")]
    private static partial void LogNoNodes(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Count} nodes")]
    private static partial void LogStarting(ILogger logger, int count);
}
