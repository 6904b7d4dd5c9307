using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using k8s.Models;
using PaaS.NodeAgent.Runtime;

namespace PaaS.NodeAgent.Docker;

/// <summary>Stopping and removing pods.</summary>
public sealed partial class DockerRuntime
{
    /// <summary>
    /// Graceful termination as the kubelet does it, for all the pod's containers at once. A deleted pod that
    /// publishes ports first keeps serving for <see cref="NodeAgentOptions.TerminationDrainDelay"/> (within its
    /// grace period), so the Endpoints controller and the gateways take it out of rotation before its app hears
    /// SIGTERM — what Kubernetes users get by adding a <c>sleep</c> preStop hook. Then the preStop hook, then
    /// SIGTERM, then SIGKILL when the grace period (the deletion's, else the spec's, else the one the container was
    /// labelled with, else 30 s) runs out; then the containers, the sandbox, the volumes and the files go, and the
    /// namespace's network with its last pod.
    /// </summary>
    public async Task StopPodAsync(RuntimePod running, V1Pod? pod, CancellationToken ct)
    {
        var docker = (DockerPod)running;
        var grace = pod?.Metadata.DeletionGracePeriodSeconds ?? pod?.Spec?.TerminationGracePeriodSeconds
            ?? docker.Containers.Select(c => c.Labels.TryGetValue(GracePeriodLabel, out var g) && long.TryParse(g, CultureInfo.InvariantCulture, out var s) ? s : (long?)null).Max()
            ?? 30;
        var deadline = _time.GetUtcNow().AddSeconds(grace);
        if (pod is not null && docker.PublishedPorts is not null && docker.Containers.Any(c => c.State == "running"))
        {
            var drain = TimeSpan.FromSeconds(Math.Min(_options.TerminationDrainDelay.TotalSeconds, grace));
            await Task.Delay(drain, _time, ct);
        }

        foreach (var container in docker.Containers)
        {
            // A container being stopped is not probed any more (a liveness kill must not race the termination).
            StopProbing(container.ID);
        }

        await Task.WhenAll(docker.Containers.Where(c => c.State == "running").Select(c => StopContainerAsync(c, pod, deadline, ct)));
        await RemoveContainersAsync(docker.Containers.Concat(docker.Sandbox is null ? [] : [docker.Sandbox]), ct);

        var volumes = await _docker.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter($"{PodUidLabel}={running.Uid}", $"{NodeLabel}={_nodeName}") }, ct);
        foreach (var volume in volumes.Volumes ?? [])
        {
            await _docker.Volumes.RemoveAsync(volume.Name, force: true, ct);
        }

        _files.Remove(running.Uid);
        _ports.Release(docker.HostPorts);
        _backOff.Forget(running.Uid + "/");
        _backOff.Forget("pull/" + running.Uid + "/");
        foreach (var key in _waiting.Keys.Where(k => k.StartsWith(running.Uid + "/", StringComparison.Ordinal)))
        {
            _waiting.TryRemove(key, out _);
        }

        await RemoveNetworkIfUnusedAsync(running.Namespace, ct);
    }

    private async Task StopContainerAsync(ContainerListResponse container, V1Pod? pod, DateTimeOffset deadline, CancellationToken ct)
    {
        var spec = pod?.Spec?.Containers?.FirstOrDefault(c => container.Labels.TryGetValue(ContainerLabel, out var name) && name == c.Name);
        if (spec?.Lifecycle?.PreStop?.Exec?.Command is { Count: > 0 } command)
        {
            using var hook = CancellationTokenSource.CreateLinkedTokenSource(ct);
            hook.CancelAfter(Max(deadline - _time.GetUtcNow(), TimeSpan.Zero));
            try
            {
                var exec = await _docker.Exec.ExecCreateContainerAsync(container.ID, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true }, hook.Token);
                using var stream = await _docker.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, hook.Token);
                await stream.ReadOutputToEndAsync(hook.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or DockerApiException && !ct.IsCancellationRequested)
            {
                // A hook that fails or outlives the grace period does not hold the termination up (as in Kubernetes).
            }
        }

        var left = (uint)Math.Ceiling(Max(deadline - _time.GetUtcNow(), TimeSpan.Zero).TotalSeconds);
        try
        {
            await _docker.Containers.StopContainerAsync(container.ID, new ContainerStopParameters { WaitBeforeKillSeconds = left }, ct);
        }
        catch (DockerContainerNotFoundException)
        {
            // Gone already.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Removes containers, the pod's app containers before its sandbox (which holds their namespaces).</summary>
    private async Task RemoveContainersAsync(IEnumerable<ContainerListResponse> containers, CancellationToken ct)
    {
        foreach (var container in containers.OrderBy(c => Role(c) == "sandbox"))
        {
            try
            {
                await _docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, ct);
            }
            catch (DockerContainerNotFoundException)
            {
                // Gone already.
            }

            _inspected.TryRemove(container.ID, out _);
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
            var network = await _docker.Networks.InspectNetworkAsync($"paas-ns-{ns}", ct);
            if (network.Containers is null || network.Containers.Count == 0)
            {
                await _docker.Networks.DeleteNetworkAsync(network.ID, ct);
            }
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Conflict)
        {
            // Gone already, or in use again: another pod of the namespace keeps it.
        }
    }
}
