using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.Core.Validation;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Docker;

/// <summary>
/// Runs pods as Docker containers, the way dockershim did: a sandbox container (<c>paas/pause</c>) owns the
/// pod's network, IPC and UTS namespaces (hostname = pod name, <c>IpcMode=shareable</c>) on the namespace's
/// own Docker network, and each of the pod's containers joins it with <c>container:&lt;sandbox&gt;</c> for
/// network, IPC and PID, so they share <c>localhost</c>, processes and hostname. <c>emptyDir</c> volumes are
/// Docker volumes of the pod. Every container carries labels naming its node and pod, so a restarted agent
/// finds (adopts) the pods it runs instead of starting them twice, and several agents can share one engine:
/// each lists and touches only its own node's containers.
/// </summary>
public sealed class DockerRuntime(IDockerClient docker, string nodeName, string sandboxImage = DockerRuntime.DefaultSandboxImage) : IContainerRuntime
{
    public const string DefaultSandboxImage = "paas/pause:1";
    public const string NodeLabel = "paas.dev/node";
    public const string PodUidLabel = "paas.dev/pod-uid";
    public const string PodNameLabel = "paas.dev/pod-name";
    public const string PodNamespaceLabel = "paas.dev/pod-namespace";
    public const string RoleLabel = "paas.dev/role";
    public const string ContainerLabel = "paas.dev/container";

    /// <summary>A container without a limit still gets one: a fork bomb in one pod must not take the node.</summary>
    public const long DefaultPidsLimit = 1024;

    /// <exception cref="PodSecurityException">The pod breaks the platform's pod security (checked again here,
    /// after the API server's admission, so a pod that slipped past it never reaches the engine).</exception>
    public async Task<RuntimePod> StartPodAsync(V1Pod pod, CancellationToken ct)
    {
        if (PodSecurity.Violations(pod.Spec) is { Count: > 0 } violations)
        {
            throw new PodSecurityException($"pod \"{pod.Metadata.Name}\" violates PodSecurity \"{PodSecurity.Level}\": {string.Join(", ", violations)}");
        }

        var meta = pod.Metadata;
        var labels = PodLabels(pod);
        foreach (var volume in (pod.Spec.Volumes ?? []).Where(v => v.EmptyDir is not null))
        {
            await docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = VolumeName(meta.Uid, volume.Name), Labels = labels }, ct);
        }

        await EnsureImageAsync(sandboxImage, ct);
        CreateContainerResponse sandbox;
        try
        {
            sandbox = await docker.Containers.CreateContainerAsync(SandboxParameters(pod, labels, await EnsureNetworkAsync(meta.NamespaceProperty, ct)), ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The namespace's network went with its last pod in the meantime: make it again.
            sandbox = await docker.Containers.CreateContainerAsync(SandboxParameters(pod, labels, await EnsureNetworkAsync(meta.NamespaceProperty, ct)), ct);
        }

        await docker.Containers.StartContainerAsync(sandbox.ID, new ContainerStartParameters(), ct);
        var started = ToRuntimePod(await docker.Containers.InspectContainerAsync(sandbox.ID, ct));
        foreach (var container in pod.Spec.Containers)
        {
            await EnsureImageAsync(container.Image, ct);
            var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = $"k8s_{container.Name}_{meta.Name}_{meta.NamespaceProperty}_{meta.Uid}_0",
                Image = container.Image,
                Entrypoint = container.Command?.ToList(),
                Cmd = container.Args?.ToList(),
                WorkingDir = container.WorkingDir,
                Env = Environment(pod, container, started.PodIp),
                Labels = new Dictionary<string, string>(labels) { [RoleLabel] = "container", [ContainerLabel] = container.Name },
                HostConfig = new HostConfig
                {
                    NetworkMode = $"container:{sandbox.ID}",
                    IpcMode = $"container:{sandbox.ID}",
                    PidMode = $"container:{sandbox.ID}",
                    Mounts = (container.VolumeMounts ?? [])
                        .Where(m => pod.Spec.Volumes?.Any(v => v.Name == m.Name && v.EmptyDir is not null) == true)
                        .Select(m => new Mount { Type = "volume", Source = VolumeName(meta.Uid, m.Name), Target = m.MountPath, ReadOnly = m.ReadOnlyProperty == true })
                        .ToList(),
                    NanoCPUs = Limit(container, "cpu") is { } cpu ? (long)(cpu * 1_000_000_000m) : 0,
                    Memory = Limit(container, "memory") is { } memory ? (long)memory : 0,
                    PidsLimit = DefaultPidsLimit,
                    CapDrop = ["ALL"],
                    SecurityOpt = ["no-new-privileges"],
                },
            }, ct);
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct);
        }

        return started;
    }

    private CreateContainerParameters SandboxParameters(V1Pod pod, Dictionary<string, string> labels, string network) => new()
    {
        Name = $"k8s_POD_{pod.Metadata.Name}_{pod.Metadata.NamespaceProperty}_{pod.Metadata.Uid}_0",
        Image = sandboxImage,
        Hostname = pod.Metadata.Name,
        Labels = new Dictionary<string, string>(labels) { [RoleLabel] = "sandbox" },
        HostConfig = new HostConfig
        {
            NetworkMode = network,
            IpcMode = "shareable",
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            PidsLimit = 16,
            Memory = 32 * 1024 * 1024,
        },
    };

    /// <summary>
    /// The container's environment: plain values, and the downward API's pod fields (<c>fieldRef</c>:
    /// name, namespace, uid, node, pod IP, service account). ConfigMap and Secret references are not read yet.
    /// </summary>
    private List<string> Environment(V1Pod pod, V1Container container, string podIp)
    {
        var env = new List<string>();
        foreach (var variable in container.Env ?? [])
        {
            var value = variable.ValueFrom?.FieldRef?.FieldPath switch
            {
                null => variable.Value,
                "metadata.name" => pod.Metadata.Name,
                "metadata.namespace" => pod.Metadata.NamespaceProperty,
                "metadata.uid" => pod.Metadata.Uid,
                "spec.nodeName" => nodeName,
                "spec.serviceAccountName" => pod.Spec.ServiceAccountName,
                "status.podIP" => podIp,
                "status.hostIP" => null,
                _ => null,
            };
            if (value is not null)
            {
                env.Add($"{variable.Name}={value}");
            }
        }

        return env;
    }

    public async Task StopPodAsync(string podUid, CancellationToken ct)
    {
        var containers = await ListAsync($"{PodUidLabel}={podUid}", ct);
        // The pod's containers first, the sandbox (which holds their namespaces) last.
        foreach (var container in containers.OrderBy(c => c.Labels.TryGetValue(RoleLabel, out var role) && role == "sandbox"))
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, ct);
        }

        var volumes = await docker.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter($"{PodUidLabel}={podUid}", $"{NodeLabel}={nodeName}") }, ct);
        foreach (var volume in volumes.Volumes ?? [])
        {
            await docker.Volumes.RemoveAsync(volume.Name, force: true, ct);
        }

        foreach (var ns in containers.Select(c => c.Labels.TryGetValue(PodNamespaceLabel, out var n) ? n : null).OfType<string>().Distinct())
        {
            await RemoveNetworkIfUnusedAsync(ns, ct);
        }
    }

    /// <summary>
    /// A namespace's network goes with its last pod on this engine (Docker 20.10 runs out of address pools
    /// after about 30 networks). The engine refuses while any container still uses it; that is fine.
    /// </summary>
    private async Task RemoveNetworkIfUnusedAsync(string ns, CancellationToken ct)
    {
        try
        {
            var network = await docker.Networks.InspectNetworkAsync($"paas-ns-{ns}", ct);
            if (network.Containers is null || network.Containers.Count == 0)
            {
                await docker.Networks.DeleteNetworkAsync(network.ID, ct);
            }
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Conflict)
        {
            // Gone already, or in use again: another pod of the namespace keeps it.
        }
    }

    public async Task<IReadOnlyCollection<RuntimePod>> ListPodsAsync(CancellationToken ct)
    {
        var sandboxes = await ListAsync($"{RoleLabel}=sandbox", ct);
        var pods = new List<RuntimePod>();
        foreach (var sandbox in sandboxes)
        {
            pods.Add(ToRuntimePod(await docker.Containers.InspectContainerAsync(sandbox.ID, ct)));
        }

        return pods;
    }

    /// <summary>This node's containers (running or not) that also carry <paramref name="label"/>.</summary>
    private async Task<IList<ContainerListResponse>> ListAsync(string label, CancellationToken ct) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter($"{NodeLabel}={nodeName}", label) }, ct);

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(params string[] labels) =>
        new() { ["label"] = labels.ToDictionary(l => l, _ => true) };

    private Dictionary<string, string> PodLabels(V1Pod pod) => new()
    {
        [NodeLabel] = nodeName,
        [PodUidLabel] = pod.Metadata.Uid,
        [PodNameLabel] = pod.Metadata.Name,
        [PodNamespaceLabel] = pod.Metadata.NamespaceProperty,
    };

    /// <summary>One Docker network per namespace (<c>paas-ns-&lt;namespace&gt;</c>), shared by the namespace's pods on this engine.</summary>
    private async Task<string> EnsureNetworkAsync(string ns, CancellationToken ct)
    {
        var name = $"paas-ns-{ns}";
        var existing = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } } }, ct);
        if (existing.Any(n => n.Name == name))
        {
            return name;
        }

        try
        {
            await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = name, CheckDuplicate = true, Labels = new Dictionary<string, string> { [PodNamespaceLabel] = ns } }, ct);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Another agent on this engine created it meanwhile.
        }

        return name;
    }

    /// <summary>Uses the local image when present, pulls it otherwise.</summary>
    private async Task EnsureImageAsync(string image, CancellationToken ct)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, ct);
        }
        catch (DockerImageNotFoundException)
        {
            await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image }, null, new Progress<JSONMessage>(), ct);
        }
    }

    private static string VolumeName(string podUid, string volume) => $"paas-{podUid}-{volume}";

    private static decimal? Limit(V1Container container, string resource) =>
        container.Resources?.Limits?.TryGetValue(resource, out var quantity) == true ? quantity.ToDecimal() : null;

    private static RuntimePod ToRuntimePod(ContainerInspectResponse sandbox) => new(
        sandbox.Config.Labels[PodUidLabel],
        sandbox.Config.Labels[PodNamespaceLabel],
        sandbox.Config.Labels[PodNameLabel],
        DateTime.Parse(sandbox.State.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        sandbox.NetworkSettings.Networks.Values.FirstOrDefault()?.IPAddress ?? "");
}

/// <summary>The runtime refused a pod that breaks the platform's pod security.</summary>
public sealed class PodSecurityException(string message) : Exception(message);
