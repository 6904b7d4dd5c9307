using System.Globalization;
using System.Reflection;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace PaaS.NodeAgent.Docker;

/// <summary>The node as the engine and the host show it, the engine's events, and image garbage collection.</summary>
public sealed partial class DockerRuntime
{
    public const string PinnedLabel = "paas.dev/pinned";
    private SystemInfoResponse? _info;

    /// <summary>
    /// Capacity from the engine's host (cores, memory, 110 pods), allocatable the same less nothing reserved;
    /// MemoryPressure when the host's available memory falls under <see cref="NodeAgentOptions.MemoryPressureThreshold"/>,
    /// DiskPressure when the engine's data directory has less than <see cref="NodeAgentOptions.DiskPressurePercent"/> free.
    /// </summary>
    public async Task DescribeNodeAsync(V1NodeStatus status, CancellationToken ct)
    {
        _info ??= await _docker.System.GetSystemInfoAsync(ct);
        var capacity = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(_info.NCPU.ToString(CultureInfo.InvariantCulture)),
            ["memory"] = new(_info.MemTotal.ToString(CultureInfo.InvariantCulture)),
            ["pods"] = new("110"),
        };
        status.Capacity = capacity;
        status.Allocatable = capacity;
        var now = _time.GetUtcNow().UtcDateTime;
        var available = MemoryAvailable();
        var memoryPressure = available is { } a && a < new ResourceQuantity(_options.MemoryPressureThreshold).ToDecimal();
        var freeDisk = DiskFreePercent(_info.DockerRootDir);
        var diskPressure = freeDisk is { } f && f < _options.DiskPressurePercent;
        status.Conditions =
        [
            new() { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "node agent is posting ready status", LastHeartbeatTime = now, LastTransitionTime = now },
            new()
            {
                Type = "MemoryPressure", Status = memoryPressure ? "True" : "False", Reason = memoryPressure ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
                Message = available is { } m ? $"{m / (1024 * 1024):0} MiB available" : "memory available unknown", LastHeartbeatTime = now, LastTransitionTime = now,
            },
            new()
            {
                Type = "DiskPressure", Status = diskPressure ? "True" : "False", Reason = diskPressure ? "KubeletHasDiskPressure" : "KubeletHasNoDiskPressure",
                Message = freeDisk is { } d ? $"{d:0}% of {_info.DockerRootDir} free" : "disk free unknown", LastHeartbeatTime = now, LastTransitionTime = now,
            },
            new() { Type = "PIDPressure", Status = "False", Reason = "KubeletHasSufficientPID", LastHeartbeatTime = now, LastTransitionTime = now },
        ];
        status.NodeInfo = new V1NodeSystemInfo
        {
            KubeletVersion = "paas-agent/" + (typeof(DockerRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"),
            ContainerRuntimeVersion = "docker://" + _info.ServerVersion,
            OperatingSystem = _info.OSType, Architecture = _info.Architecture == "x86_64" ? "amd64" : _info.Architecture,
            OsImage = _info.OperatingSystem, KernelVersion = _info.KernelVersion, KubeProxyVersion = "",
            MachineID = _nodeName, SystemUUID = _nodeName, BootID = _info.ID,
        };
    }

    /// <summary>The host's MemAvailable from /proc/meminfo, in bytes (null where there is none).</summary>
    private static decimal? MemoryAvailable()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return line is null ? null : decimal.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static double? DiskFreePercent(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        var drive = new DriveInfo(path);
        return drive.TotalSize == 0 ? null : 100.0 * drive.AvailableFreeSpace / drive.TotalSize;
    }

    /// <summary>
    /// Until cancelled: follows the engine's events for this node's containers (a death or an OOM kill asks for a
    /// sync at once, not at the next relist), and collects unused images every <see cref="NodeAgentOptions.ImageGcInterval"/>.
    /// </summary>
    public async Task WatchAsync(CancellationToken ct)
    {
        var collector = CollectImagesLoopAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _docker.System.MonitorEventsAsync(new ContainerEventsParameters
                {
                    Filters = new Dictionary<string, IDictionary<string, bool>>
                    {
                        ["type"] = new Dictionary<string, bool> { ["container"] = true },
                        ["label"] = new Dictionary<string, bool> { [$"{NodeLabel}={_nodeName}"] = true },
                        ["event"] = new Dictionary<string, bool> { ["die"] = true, ["oom"] = true, ["destroy"] = true },
                    },
                }, new SynchronousProgress<Message>(_ => PodsChanged?.Invoke()), ct);
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                LogEventsFailed(_logger, e, _nodeName);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), _time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await collector;
    }

    private async Task CollectImagesLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ImageGcInterval, _time, ct);
                await CollectImagesAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
            {
                LogImageGcFailed(_logger, e, _nodeName);
            }
        }
    }

    /// <summary>
    /// The kubelet's image garbage collection: once the engine's disk is fuller than the high threshold, removes
    /// images no container uses (oldest first) until usage is under the low threshold. Never the sandbox image nor
    /// images labelled <c>paas.dev/pinned=true</c> (the platform's own; Kubernetes pins its sandbox image the same
    /// way). Returns the images removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> CollectImagesAsync(CancellationToken ct)
    {
        _info ??= await _docker.System.GetSystemInfoAsync(ct);
        var removed = new List<string>();
        if (100 - (DiskFreePercent(_info.DockerRootDir) ?? 100) < _options.ImageGcHighPercent)
        {
            return removed;
        }

        var used = (await _docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct)).Select(c => c.ImageID).ToHashSet(StringComparer.Ordinal);
        var sandbox = await _docker.Images.InspectImageAsync(_options.SandboxImage, ct);
        var images = await _docker.Images.ListImagesAsync(new ImagesListParameters(), ct);
        var candidates = images.Where(i => !used.Contains(i.ID) && i.ID != sandbox.ID && !(i.Labels?.TryGetValue(PinnedLabel, out var pinned) == true && pinned == "true"));
        foreach (var image in candidates.OrderBy(i => i.Created))
        {
            if (100 - (DiskFreePercent(_info.DockerRootDir) ?? 100) < _options.ImageGcLowPercent)
            {
                break;
            }

            try
            {
                await _docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, ct);
                var names = string.Join(' ', image.RepoTags ?? [image.ID]);
                removed.Add(names);
                LogImageRemoved(_logger, _nodeName, names);
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Taken into use meanwhile.
            }
        }

        return removed;
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: the engine's event stream broke; following it again")]
    private static partial void LogEventsFailed(ILogger logger, Exception e, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: image garbage collection failed")]
    private static partial void LogImageGcFailed(ILogger logger, Exception e, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node}: removed unused image {Image} (disk past the threshold)")]
    private static partial void LogImageRemoved(ILogger logger, string node, string image);
}
