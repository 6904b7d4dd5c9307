using System.Collections.Concurrent;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PaaS.Core.Validation;
using PaaS.NodeAgent.Config;
using PaaS.NodeAgent.Logs;
using PaaS.NodeAgent.Probes;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Docker;

/// <summary>
/// Runs pods as Docker containers, the way dockershim did: a sandbox container (<c>paas/pause</c>) owns the
/// pod's network, IPC and UTS namespaces (hostname = pod name, <c>IpcMode=shareable</c>) on the namespace's
/// own Docker network and publishes the pod's container ports on the node's address; each of the pod's
/// containers joins it with <c>container:&lt;sandbox&gt;</c> for network, IPC and PID, so they share
/// <c>localhost</c>, processes and hostname. Every container carries labels naming its node, pod and attempt,
/// so a restarted agent adopts the pods it runs instead of starting them twice, and several agents can share
/// one engine: each lists and touches only its own node's containers. A dead container is replaced by a new
/// attempt (<c>k8s_&lt;container&gt;_&lt;pod&gt;_&lt;ns&gt;_&lt;uid&gt;_&lt;attempt&gt;</c>) as the pod's
/// <c>restartPolicy</c> says, after the crash-loop back-off; the previous attempt is kept for its exit status
/// and logs.
/// </summary>
public sealed partial class DockerRuntime : IContainerRuntime, IDisposable
{
    public const string DefaultSandboxImage = "paas/pause:1";
    public const string NodeLabel = "paas.dev/node";
    public const string PodUidLabel = "paas.dev/pod-uid";
    public const string PodNameLabel = "paas.dev/pod-name";
    public const string PodNamespaceLabel = "paas.dev/pod-namespace";
    public const string RoleLabel = "paas.dev/role";
    public const string ContainerLabel = "paas.dev/container";
    public const string AttemptLabel = "paas.dev/attempt";
    public const string GracePeriodLabel = "paas.dev/termination-grace-period";
    public const string PublishedPortsLabel = "paas.dev/published-ports";

    /// <summary>A container without a limit still gets one: a fork bomb in one pod must not take the node.</summary>
    public const long DefaultPidsLimit = 1024;

    private readonly IDockerClient _docker;
    private readonly string _nodeName;
    private readonly NodeAgentOptions _options;
    private readonly IPodConfigSource? _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PortAllocator _ports;
    private readonly PodVolumeFiles _files;
    private readonly RestartBackOff _backOff;
    private readonly ConcurrentDictionary<string, ContainerInspectResponse> _inspected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PodWaiting> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ITimer> _wakeUps = new(StringComparer.Ordinal);
    private readonly ProbeRunner _probeRunner;
    private readonly ConcurrentDictionary<string, ContainerProber> _probers = new(StringComparer.Ordinal);
    private readonly ContainerLogShipper? _logs;
    private readonly ConcurrentDictionary<string, bool> _followed = new(StringComparer.Ordinal);

    /// <param name="logs">Ships the containers' output to the platform's log store; none in tests of the runtime alone.</param>
    public DockerRuntime(IDockerClient docker, string nodeName, NodeAgentOptions options, IPodConfigSource? config, TimeProvider time, ILogger logger, ContainerLogShipper? logs = null)
    {
        _logs = logs;
        _probeRunner = new ProbeRunner(docker);
        _docker = docker;
        _nodeName = nodeName;
        _options = options;
        _config = config;
        _time = time;
        _logger = logger;
        _ports = PortAllocator.Parse(options.PortRange);
        _files = new PodVolumeFiles(Path.Combine(options.StateDirectory, nodeName));
        _backOff = new RestartBackOff(options.RestartBackOff, options.RestartBackOffMax, time);
    }

    public event Action? PodsChanged;

    /// <summary>Why a container of a pod waits (a failed image pull, a missing ConfigMap), keyed by pod uid and container.</summary>
    private sealed record PodWaiting(string Reason, string Message, DateTimeOffset Since);

    public async Task<IReadOnlyDictionary<string, RuntimePod>> ListPodsAsync(CancellationToken ct)
    {
        var containers = await ListAsync(null, ct);
        var pods = new Dictionary<string, RuntimePod>(StringComparer.Ordinal);
        foreach (var group in containers.GroupBy(c => c.Labels[PodUidLabel]))
        {
            var pod = ToDockerPod(group.Key, group.ToList());
            _ports.MarkTaken(pod.HostPorts);
            pods[group.Key] = pod;
        }

        // What no longer exists needs no cached inspection, no prober and no log follower.
        var existing = containers.Select(c => c.ID).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _inspected.Keys.Where(id => !existing.Contains(id)))
        {
            _inspected.TryRemove(gone, out _);
        }

        foreach (var gone in _probers.Keys.Where(id => !existing.Contains(id)))
        {
            StopProbing(gone);
        }

        foreach (var gone in _followed.Keys.Where(id => !existing.Contains(id)))
        {
            _followed.TryRemove(gone, out _);
            _logs?.Forget(gone);
        }

        return pods;
    }

    /// <summary>One pod's containers (all of its uid) as the pod they make up.</summary>
    private static DockerPod ToDockerPod(string uid, List<ContainerListResponse> containers)
    {
        var sandbox = containers.Where(c => Role(c) == "sandbox").OrderByDescending(c => c.Created).FirstOrDefault();
        var first = sandbox ?? containers[0];
        var ip = sandbox?.NetworkSettings?.Networks?.Values.FirstOrDefault()?.IPAddress ?? "";
        return new DockerPod(uid, first.Labels[PodNamespaceLabel], first.Labels[PodNameLabel], first.Created.ToUniversalTime(), ip,
            sandbox, containers.Where(c => Role(c) == "container").ToList());
    }

    /// <exception cref="PodSecurityException">The pod breaks the platform's pod security (checked again here,
    /// after the API server's admission, so a pod that slipped past it never reaches the engine).</exception>
    public async Task<PodRuntimeStatus> SyncPodAsync(V1Pod pod, RuntimePod? running, CancellationToken ct)
    {
        if (PodSecurity.Violations(pod.Spec) is { Count: > 0 } violations)
        {
            throw new PodSecurityException($"pod \"{pod.Metadata.Name}\" violates PodSecurity \"{PodSecurity.Level}\": {string.Join(", ", violations)}");
        }

        var current = running as DockerPod;
        if (current is not { SandboxRunning: true })
        {
            if (current is not null)
            {
                // The sandbox died (or was removed): the pod's namespaces are gone, so all its containers start over.
                await RemoveContainersAsync(current.Containers.Concat(current.Sandbox is null ? [] : [current.Sandbox]), ct);
            }

            try
            {
                current = await StartSandboxAsync(pod, ct);
            }
            catch (PodConfigException e)
            {
                foreach (var container in pod.Spec.Containers)
                {
                    _waiting[WaitKey(pod, container.Name)] = new PodWaiting("CreateContainerConfigError", e.Message, _time.GetUtcNow());
                }

                return new PodRuntimeStatus(PodStatusBuilder.Pending(pod, _options.NodeAddress, Waiting(pod)));
            }
        }

        var observed = new List<ObservedContainer>();
        foreach (var container in pod.Spec.Containers)
        {
            observed.Add(await SyncContainerAsync(pod, current, container, ct));
        }

        return new PodRuntimeStatus(PodStatusBuilder.Build(pod, current, observed, _options.NodeAddress), current.PublishedPorts);
    }

    private Dictionary<string, (string Reason, string Message)> Waiting(V1Pod pod) =>
        pod.Spec.Containers.Where(c => _waiting.ContainsKey(WaitKey(pod, c.Name)))
            .ToDictionary(c => c.Name, c => (_waiting[WaitKey(pod, c.Name)].Reason, _waiting[WaitKey(pod, c.Name)].Message));

    /// <summary>One container of a running sandbox: start it if it never ran, restart it if it died and may restart.</summary>
    private async Task<ObservedContainer> SyncContainerAsync(V1Pod pod, DockerPod sandbox, V1Container spec, CancellationToken ct)
    {
        var attempts = sandbox.Attempts(spec.Name).ToList();
        var latest = attempts.FirstOrDefault();
        var previous = attempts.Skip(1).FirstOrDefault();
        var latestState = latest is null ? null : await InspectAsync(latest, ct);
        var previousState = previous is null ? null : await InspectAsync(previous, ct);
        FollowLogs(pod, spec, previous);
        FollowLogs(pod, spec, latest);
        if (latestState is { State.Running: true })
        {
            var probes = Probe(sandbox, spec, latestState);
            return new ObservedContainer(spec, latestState, previousState, AttemptOf(latest!), null, probes.Ready, probes.Started);
        }

        if (latest is not null)
        {
            StopProbing(latest.ID);
        }

        var backOffKey = WaitKey(pod, spec.Name);
        if (latestState is not null && !MayRestart(pod.Spec.RestartPolicy, latestState.State.ExitCode))
        {
            return new ObservedContainer(spec, latestState, previousState, AttemptOf(latest!), null);
        }

        if (latestState is not null)
        {
            // A dead container that may restart: at once the first time, then after the growing back-off.
            var finished = ParseTime(latestState.State.FinishedAt) ?? _time.GetUtcNow();
            var wait = _backOff.Remaining(backOffKey, finished);
            if (wait > TimeSpan.Zero)
            {
                WakeUpIn(backOffKey, wait);
                var message = $"back-off {Seconds(_backOff.Current(backOffKey))} restarting failed container={spec.Name} pod={pod.Metadata.Name}_{pod.Metadata.NamespaceProperty}({pod.Metadata.Uid})";
                return new ObservedContainer(spec, null, latestState, AttemptOf(latest!), ("CrashLoopBackOff", message));
            }
        }

        var pullKey = "pull/" + backOffKey;
        if (_waiting.TryGetValue(backOffKey, out var waiting) && waiting.Reason is "ErrImagePull" or "ImagePullBackOff"
            && _backOff.Remaining(pullKey, waiting.Since) is var pullWait && pullWait > TimeSpan.Zero)
        {
            WakeUpIn(pullKey, pullWait);
            _waiting[backOffKey] = waiting with { Reason = "ImagePullBackOff", Message = $"Back-off pulling image \"{spec.Image}\"" };
            return new ObservedContainer(spec, null, latestState, latest is null ? 0 : AttemptOf(latest), ("ImagePullBackOff", $"Back-off pulling image \"{spec.Image}\""));
        }

        var attempt = latest is null ? 0 : AttemptOf(latest) + 1;
        try
        {
            if (latest is not null)
            {
                _backOff.Next(backOffKey);
            }

            // Only the newest dead attempt is kept (for lastState and `logs --previous`).
            await RemoveContainersAsync(attempts.Skip(1), ct);
            var started = await StartContainerAsync(pod, sandbox, spec, attempt, ct);
            _waiting.TryRemove(backOffKey, out _);
            FollowLogs(pod, spec, started.ID, attempt);
            var probes = Probe(sandbox, spec, started);
            return new ObservedContainer(spec, started, latestState, attempt, null, probes.Ready, probes.Started);
        }
        catch (ImagePullException e)
        {
            _backOff.Next(pullKey);
            _waiting[backOffKey] = new PodWaiting(e.Reason, e.Message, _time.GetUtcNow());
            WakeUpIn(pullKey, _backOff.Current(pullKey));
            return new ObservedContainer(spec, null, latestState, Math.Max(0, attempt - 1), (e.Reason, e.Message));
        }
        catch (PodConfigException e)
        {
            _waiting[backOffKey] = new PodWaiting("CreateContainerConfigError", e.Message, _time.GetUtcNow());
            return new ObservedContainer(spec, null, latestState, Math.Max(0, attempt - 1), ("CreateContainerConfigError", e.Message));
        }
        catch (DockerApiException e)
        {
            LogStartFailed(_logger, e, _nodeName, spec.Name, pod.Metadata.Name);
            return new ObservedContainer(spec, null, latestState, Math.Max(0, attempt - 1), ("RunContainerError", e.Message));
        }
    }

    private void FollowLogs(V1Pod pod, V1Container spec, ContainerListResponse? container)
    {
        if (container is not null)
        {
            FollowLogs(pod, spec, container.ID, AttemptOf(container));
        }
    }

    /// <summary>Ships the container's output, once per container (a dead container's follower drains its log and ends).</summary>
    private void FollowLogs(V1Pod pod, V1Container spec, string containerId, int attempt)
    {
        if (_logs is not null && _followed.TryAdd(containerId, true))
        {
            _logs.Follow(containerId, pod.Metadata.NamespaceProperty, pod.Metadata.Name, pod.Metadata.Uid, spec.Name, attempt);
        }
    }

    /// <summary>
    /// The running container's probes, inside the pod's network namespace: started when first seen (also after an
    /// agent restart); a change of readiness asks for a sync, a failed liveness probe stops the container (its
    /// restartPolicy then brings it back).
    /// </summary>
    private ContainerProbeStatus Probe(DockerPod sandbox, V1Container spec, ContainerInspectResponse container)
    {
        if (spec.LivenessProbe is null && spec.ReadinessProbe is null && spec.StartupProbe is null)
        {
            return new ContainerProbeStatus(Started: true, Ready: true, LastFailure: null);
        }

        var prober = _probers.GetOrAdd(container.ID, id =>
        {
            var target = new ProbeTarget(sandbox.Sandbox!.ID, id, spec);
            var created = new ContainerProber(spec, (probe, ct) => _probeRunner.RunAsync(probe, target, ct), _time);
            created.StatusChanged += _ => PodsChanged?.Invoke();
            created.KillRequested += reason => _ = KillUnhealthyAsync(id, sandbox, reason);
            created.Start();
            return created;
        });
        return prober.Status;
    }

    private async Task KillUnhealthyAsync(string containerId, DockerPod pod, string reason)
    {
        LogKilling(_logger, _nodeName, pod.Namespace, pod.Name, reason);
        var grace = pod.Containers.FirstOrDefault(c => c.ID == containerId)?.Labels.TryGetValue(GracePeriodLabel, out var g) == true && uint.TryParse(g, CultureInfo.InvariantCulture, out var s) ? s : 30u;
        try
        {
            await _docker.Containers.StopContainerAsync(containerId, new ContainerStopParameters { WaitBeforeKillSeconds = grace });
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            // The next sync sees the container as it is; a container that still answers nothing is killed again.
            LogKillFailed(_logger, e, _nodeName, containerId);
        }

        PodsChanged?.Invoke();
    }

    private void StopProbing(string containerId)
    {
        if (_probers.TryRemove(containerId, out var prober))
        {
            _ = prober.DisposeAsync().AsTask();
        }
    }

    private static bool MayRestart(string? policy, long exitCode) => policy switch
    {
        "Never" => false,
        "OnFailure" => exitCode != 0,
        _ => true,
    };

    /// <summary>Asks for a sync when a back-off ends, so the restart is not left to the next relist.</summary>
    private void WakeUpIn(string key, TimeSpan delay)
    {
        var timer = _time.CreateTimer(_ =>
        {
            if (_wakeUps.TryRemove(key, out var done))
            {
                done.Dispose();
            }

            PodsChanged?.Invoke();
        }, null, delay + TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
        if (_wakeUps.TryGetValue(key, out var earlier))
        {
            earlier.Dispose();
        }

        _wakeUps[key] = timer;
    }

    /// <summary>A container's inspection; a dead container never changes again, so it is read once.</summary>
    private async Task<ContainerInspectResponse> InspectAsync(ContainerListResponse container, CancellationToken ct)
    {
        if (_inspected.TryGetValue(container.ID, out var known) && known.State.Status == container.State)
        {
            return known;
        }

        var inspected = await _docker.Containers.InspectContainerAsync(container.ID, ct);
        _inspected[container.ID] = inspected;
        return inspected;
    }

    /// <summary>This node's containers (running or not), those that also carry <paramref name="label"/> if given.</summary>
    private async Task<IList<ContainerListResponse>> ListAsync(string? label, CancellationToken ct) =>
        await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = LabelFilter(label is null ? [$"{NodeLabel}={_nodeName}"] : [$"{NodeLabel}={_nodeName}", label]),
        }, ct);

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(params string[] labels) =>
        new() { ["label"] = labels.ToDictionary(l => l, _ => true) };

    internal static string? Role(ContainerListResponse container) => container.Labels.TryGetValue(RoleLabel, out var role) ? role : null;

    internal static int AttemptOf(ContainerListResponse container) =>
        container.Labels.TryGetValue(AttemptLabel, out var attempt) && int.TryParse(attempt, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string WaitKey(V1Pod pod, string container) => $"{pod.Metadata.Uid}/{container}";

    private static string Seconds(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds}s" : $"{(int)span.TotalSeconds}s";

    internal static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1 ? t : null;

    public void Dispose()
    {
        foreach (var timer in _wakeUps.Values)
        {
            timer.Dispose();
        }

        foreach (var id in _probers.Keys)
        {
            StopProbing(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node}: killing a container of pod {Namespace}/{Pod}: {Reason}")]
    private static partial void LogKilling(ILogger logger, string node, string @namespace, string pod, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: stopping unhealthy container {Container} failed")]
    private static partial void LogKillFailed(ILogger logger, Exception e, string node, string container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: starting container {Container} of pod {Pod} failed")]
    private static partial void LogStartFailed(ILogger logger, Exception e, string node, string container, string pod);
}

/// <summary>The runtime refused a pod that breaks the platform's pod security.</summary>
public sealed class PodSecurityException(string message) : Exception(message);

/// <summary>The image is not there and could not be pulled: the container waits with <see cref="Reason"/> (<c>ErrImagePull</c>, <c>ErrImageNeverPull</c>).</summary>
public sealed class ImagePullException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
