using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.NodeAgent.Config;

namespace PaaS.NodeAgent.Docker;

/// <summary>Creating a pod's sandbox and containers.</summary>
public sealed partial class DockerRuntime
{
    /// <summary>How often a sandbox is tried again with other host ports when something else holds one.</summary>
    private const int PortAttempts = 5;

    private async Task<DockerPod> StartSandboxAsync(V1Pod pod, CancellationToken ct)
    {
        var meta = pod.Metadata;
        var labels = PodLabels(pod);
        foreach (var volume in (pod.Spec.Volumes ?? []).Where(v => v.EmptyDir is not null))
        {
            await _docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = VolumeName(meta.Uid, volume.Name), Labels = labels }, ct);
        }

        await _files.WriteAsync(pod, _config, ct);
        await EnsureImageAsync(_options.SandboxImage, "IfNotPresent", ct);
        var ports = (pod.Spec.Containers ?? []).SelectMany(c => c.Ports ?? [])
            .Select(p => (p.ContainerPort, Protocol: (p.Protocol ?? "TCP").ToUpperInvariant())).Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            var hostPorts = ports.Select(_ => _ports.Take()).ToList();
            var published = string.Join(',', ports.Select((p, i) => $"{p.ContainerPort}/{p.Protocol}={_options.NodeAddress}:{hostPorts[i]}"));
            var sandboxLabels = new Dictionary<string, string>(labels) { [RoleLabel] = "sandbox", [PublishedPortsLabel] = published };
            var sandbox = await CreateSandboxAsync(pod, sandboxLabels, ports.Select((p, i) => (p.ContainerPort, p.Protocol, hostPorts[i])).ToList(), ct);
            try
            {
                await _docker.Containers.StartContainerAsync(sandbox.ID, new ContainerStartParameters(), ct);
                break;
            }
            catch (DockerApiException e) when (attempt < PortAttempts && (e.Message.Contains("port is already allocated", StringComparison.Ordinal) || e.Message.Contains("address already in use", StringComparison.Ordinal)))
            {
                // Something else on the machine holds one of them: keep those marked taken and try others.
                await _docker.Containers.RemoveContainerAsync(sandbox.ID, new ContainerRemoveParameters { Force = true }, ct);
            }
        }

        // Only this pod's containers: listing the whole node (and its clean-up pass) is the sync's job, not each start's.
        var containers = await ListAsync($"{PodUidLabel}={meta.Uid}", ct);
        return containers.Count > 0
            ? ToDockerPod(meta.Uid, containers.ToList())
            : throw new InvalidOperationException($"the sandbox of pod {meta.NamespaceProperty}/{meta.Name} vanished right after it started");
    }

    private async Task<CreateContainerResponse> CreateSandboxAsync(V1Pod pod, Dictionary<string, string> labels, List<(int ContainerPort, string Protocol, int HostPort)> ports, CancellationToken ct)
    {
        CreateContainerParameters Parameters(string network) => new()
        {
            Name = $"k8s_POD_{pod.Metadata.Name}_{pod.Metadata.NamespaceProperty}_{pod.Metadata.Uid}_{Guid.NewGuid().ToString("N")[..6]}",
            Image = _options.SandboxImage,
            Hostname = pod.Metadata.Name,
            Labels = labels,
            ExposedPorts = ports.ToDictionary(p => $"{p.ContainerPort}/{p.Protocol.ToLowerInvariant()}", _ => default(EmptyStruct)),
            HostConfig = new HostConfig
            {
                NetworkMode = network,
                IpcMode = "shareable",
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                PidsLimit = 16,
                Memory = 32 * 1024 * 1024,
                PortBindings = ports.ToDictionary(
                    p => $"{p.ContainerPort}/{p.Protocol.ToLowerInvariant()}",
                    p => (IList<PortBinding>)[new PortBinding { HostIP = _options.NodeAddress, HostPort = p.HostPort.ToString(CultureInfo.InvariantCulture) }]),
            },
        };

        try
        {
            return await _docker.Containers.CreateContainerAsync(Parameters(await EnsureNetworkAsync(pod.Metadata.NamespaceProperty, ct)), ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The namespace's network went with its last pod in the meantime: make it again.
            return await _docker.Containers.CreateContainerAsync(Parameters(await EnsureNetworkAsync(pod.Metadata.NamespaceProperty, ct)), ct);
        }
    }

    /// <summary>Creates and starts one attempt of a container in the pod's sandbox; returns its inspection.</summary>
    private async Task<ContainerInspectResponse> StartContainerAsync(V1Pod pod, DockerPod sandbox, V1Container container, int attempt, CancellationToken ct)
    {
        var meta = pod.Metadata;
        var env = await ContainerEnvironment.ResolveAsync(pod, container, new PodFields(_nodeName, sandbox.PodIp, _options.NodeAddress), _config, ct);
        await EnsureImageAsync(container.Image, container.ImagePullPolicy, ct);
        var sandboxId = sandbox.Sandbox!.ID;
        var grace = pod.Spec.TerminationGracePeriodSeconds ?? 30;
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"k8s_{container.Name}_{meta.Name}_{meta.NamespaceProperty}_{meta.Uid}_{attempt}",
            Image = container.Image,
            Entrypoint = container.Command?.ToList(),
            Cmd = container.Args?.ToList(),
            WorkingDir = container.WorkingDir,
            Env = env,
            Tty = container.Tty == true,
            OpenStdin = container.Stdin == true,
            Labels = new Dictionary<string, string>(PodLabels(pod))
            {
                [RoleLabel] = "container",
                [ContainerLabel] = container.Name,
                [AttemptLabel] = attempt.ToString(CultureInfo.InvariantCulture),
                [GracePeriodLabel] = grace.ToString(CultureInfo.InvariantCulture),
            },
            HostConfig = new HostConfig
            {
                NetworkMode = $"container:{sandboxId}",
                IpcMode = $"container:{sandboxId}",
                PidMode = $"container:{sandboxId}",
                Mounts = Mounts(pod, container),
                // Admission applies the namespace's LimitRange defaults; a container that still has no limit gets the node's.
                NanoCPUs = (long)((Limit(container, "cpu") ?? new ResourceQuantity(_options.DefaultCpuLimit).ToDecimal()) * 1_000_000_000m),
                Memory = (long)(Limit(container, "memory") ?? new ResourceQuantity(_options.DefaultMemoryLimit).ToDecimal()),
                PidsLimit = DefaultPidsLimit,
                CapDrop = ["ALL"],
                CapAdd = container.SecurityContext?.Capabilities?.Add?.ToList(),
                SecurityOpt = ["no-new-privileges"],
                ReadonlyRootfs = container.SecurityContext?.ReadOnlyRootFilesystem == true,
                // Container logs are capped on the node; the platform's log store keeps them longer.
                LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = _options.ContainerLogMaxSize, ["max-file"] = _options.ContainerLogMaxFiles.ToString(CultureInfo.InvariantCulture) } },
            },
            User = container.SecurityContext?.RunAsUser is { } uid ? uid.ToString(CultureInfo.InvariantCulture) + (container.SecurityContext.RunAsGroup is { } gid ? ":" + gid.ToString(CultureInfo.InvariantCulture) : "") : null,
        }, ct);
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct);
        var inspected = await _docker.Containers.InspectContainerAsync(created.ID, ct);
        _inspected[created.ID] = inspected;
        return inspected;
    }

    /// <summary>emptyDir volumes as the pod's Docker volumes; ConfigMap and Secret volumes as read-only binds of the files written for the pod.</summary>
    private List<Mount> Mounts(V1Pod pod, V1Container container)
    {
        var mounts = new List<Mount>();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name)
                ?? throw new PodConfigException($"volumeMounts \"{mount.Name}\": the pod has no volume of that name");
            if (volume.EmptyDir is not null)
            {
                mounts.Add(new Mount { Type = "volume", Source = VolumeName(pod.Metadata.Uid, volume.Name), Target = mount.MountPath, ReadOnly = mount.ReadOnlyProperty == true });
            }
            else if (volume.ConfigMap is not null || volume.Secret is not null)
            {
                var source = Path.Combine(_files.PodDirectory(pod.Metadata.Uid), "volumes", volume.Name);
                mounts.Add(new Mount { Type = "bind", Source = mount.SubPath is { Length: > 0 } sub ? Path.Combine(source, sub) : source, Target = mount.MountPath, ReadOnly = true });
            }
            else
            {
                throw new PodConfigException($"volume \"{volume.Name}\": only emptyDir, configMap and secret volumes are supported on this node");
            }
        }

        return mounts;
    }

    private Dictionary<string, string> PodLabels(V1Pod pod) => new()
    {
        [NodeLabel] = _nodeName,
        [PodUidLabel] = pod.Metadata.Uid,
        [PodNameLabel] = pod.Metadata.Name,
        [PodNamespaceLabel] = pod.Metadata.NamespaceProperty,
    };

    /// <summary>
    /// One Docker network per namespace (<c>paas-ns-&lt;namespace&gt;</c>), shared by the namespace's pods on this
    /// engine; returns its id. Agents sharing an engine may create it at the same moment (the engine's duplicate
    /// check is not atomic): all of them then use the oldest, and the spare is removed.
    /// </summary>
    private async Task<string> EnsureNetworkAsync(string ns, CancellationToken ct)
    {
        var name = $"paas-ns-{ns}";
        var existing = await NetworksNamedAsync(name, ct);
        if (existing.Count == 0)
        {
            await _docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = name, CheckDuplicate = true, Labels = new Dictionary<string, string> { [PodNamespaceLabel] = ns } }, ct);
            existing = await NetworksNamedAsync(name, ct);
        }

        foreach (var spare in existing.Skip(1))
        {
            try
            {
                await _docker.Networks.DeleteNetworkAsync(spare.ID, ct);
            }
            catch (DockerApiException)
            {
                // In use after all, or removed by the other agent: the oldest is the one used either way.
            }
        }

        return existing[0].ID;
    }

    private async Task<List<NetworkResponse>> NetworksNamedAsync(string name, CancellationToken ct) =>
        (await _docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } } }, ct))
            .Where(n => n.Name == name).OrderBy(n => n.Created).ThenBy(n => n.ID, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Uses the local image when present and pulls it otherwise (<c>Always</c> behaves as <c>IfNotPresent</c>:
    /// pulling a present image again needs a registry, which this platform's machines need not have);
    /// <c>Never</c> refuses a missing image.
    /// </summary>
    /// <exception cref="ImagePullException">The image is missing and could not be pulled; the engine's message.</exception>
    private async Task EnsureImageAsync(string image, string? pullPolicy, CancellationToken ct)
    {
        try
        {
            await _docker.Images.InspectImageAsync(image, ct);
            return;
        }
        catch (DockerImageNotFoundException)
        {
            if (pullPolicy == "Never")
            {
                throw new ImagePullException("ErrImageNeverPull", $"Container image \"{image}\" is not present with pull policy of Never");
            }
        }

        string? error = null;
        try
        {
            await _docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image }, null, new SynchronousProgress<JSONMessage>(m => error = m.ErrorMessage ?? m.Error?.Message ?? error), ct);
        }
        catch (DockerApiException e)
        {
            throw new ImagePullException("ErrImagePull", $"failed to pull image \"{image}\": {e.ResponseBody?.Trim() ?? e.Message}");
        }

        if (error is not null)
        {
            throw new ImagePullException("ErrImagePull", $"failed to pull image \"{image}\": {error}");
        }
    }

    private static string VolumeName(string podUid, string volume) => $"paas-{podUid}-{volume}";

    private static decimal? Limit(V1Container container, string resource) =>
        container.Resources?.Limits?.TryGetValue(resource, out var quantity) == true ? quantity.ToDecimal() : null;
}
