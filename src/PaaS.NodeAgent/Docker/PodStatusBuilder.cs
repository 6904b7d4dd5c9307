using Docker.DotNet.Models;
using k8s.Models;

namespace PaaS.NodeAgent.Docker;

/// <summary>
/// What one spec container looks like after a sync: the attempt to show (running or terminated; null while it
/// waits), the attempt before it (<c>lastState</c>), the restart count, and why it waits, if it does.
/// <see cref="Ready"/> and <see cref="Started"/> come from its probes (true without them once running).
/// </summary>
internal sealed record ObservedContainer(V1Container Spec, ContainerInspectResponse? Current, ContainerInspectResponse? Previous, int RestartCount,
    (string Reason, string Message)? Waiting, bool Ready = true, bool Started = true)
{
    public bool Running => Current?.State.Running == true;
}

/// <summary>Turns what the engine shows of a pod into the pod's status, with Kubernetes' phases, conditions and container states.</summary>
internal static class PodStatusBuilder
{
    public static V1PodStatus Build(V1Pod pod, DockerPod sandbox, IReadOnlyList<ObservedContainer> containers, string hostIp)
    {
        var statuses = containers.Select(ContainerStatus).ToList();
        var notReady = statuses.Where(s => s.Ready != true).Select(s => s.Name).ToList();
        return new V1PodStatus
        {
            Phase = Phase(pod, containers),
            Conditions = Conditions(sandbox.StartedAt, notReady),
            HostIP = hostIp,
            HostIPs = [new V1HostIP { Ip = hostIp }],
            PodIP = sandbox.PodIp,
            PodIPs = [new V1PodIP { Ip = sandbox.PodIp }],
            StartTime = sandbox.StartedAt,
            ContainerStatuses = statuses,
        };
    }

    /// <summary>A pod whose sandbox could not be made yet (its configuration is missing): Pending, every container waiting.</summary>
    public static V1PodStatus Pending(V1Pod pod, string hostIp, Dictionary<string, (string Reason, string Message)> waiting) => new()
    {
        Phase = "Pending",
        Conditions = Conditions(null, pod.Spec.Containers.Select(c => c.Name).ToList()),
        HostIP = hostIp,
        ContainerStatuses = pod.Spec.Containers.Select(c => new V1ContainerStatus
        {
            Name = c.Name,
            Image = c.Image,
            ImageID = "",
            Ready = false,
            Started = false,
            RestartCount = 0,
            State = new V1ContainerState
            {
                Waiting = waiting.TryGetValue(c.Name, out var w)
                    ? new V1ContainerStateWaiting { Reason = w.Reason, Message = w.Message }
                    : new V1ContainerStateWaiting { Reason = "ContainerCreating" },
            },
        }).ToList(),
    };

    /// <summary>
    /// Running while a container runs or will run again; Succeeded / Failed once all have terminated for good
    /// (Failed if any exited non-zero); Pending until a container has started.
    /// </summary>
    private static string Phase(V1Pod pod, IReadOnlyList<ObservedContainer> containers)
    {
        if (containers.Any(c => c.Running))
        {
            return "Running";
        }

        var policy = pod.Spec.RestartPolicy ?? "Always";
        var terminated = containers
            .Where(c => c.Current is { State.Running: false } && c.Waiting is null && (policy == "Never" || (policy == "OnFailure" && c.Current.State.ExitCode == 0)))
            .ToList();
        if (terminated.Count == containers.Count)
        {
            return terminated.All(c => c.Current!.State.ExitCode == 0) ? "Succeeded" : "Failed";
        }

        // Waiting containers: a crash loop is a Running pod (it has run); never having started is Pending.
        return containers.Any(c => c.Previous is not null || c.Current is not null) ? "Running" : "Pending";
    }

    private static List<V1PodCondition> Conditions(DateTime? started, List<string> notReady)
    {
        var ready = notReady.Count == 0;
        var message = ready ? null : $"containers with unready status: [{string.Join(' ', notReady)}]";
        var now = started ?? DateTime.UtcNow;
        return
        [
            new() { Type = "PodReadyToStartContainers", Status = started is null ? "False" : "True", LastTransitionTime = now },
            new() { Type = "Initialized", Status = "True", LastTransitionTime = now },
            new() { Type = "Ready", Status = ready ? "True" : "False", Reason = ready ? null : "ContainersNotReady", Message = message, LastTransitionTime = now },
            new() { Type = "ContainersReady", Status = ready ? "True" : "False", Reason = ready ? null : "ContainersNotReady", Message = message, LastTransitionTime = now },
            new() { Type = "PodScheduled", Status = "True", LastTransitionTime = now },
        ];
    }

    private static V1ContainerStatus ContainerStatus(ObservedContainer c) => new()
    {
        Name = c.Spec.Name,
        Image = c.Spec.Image,
        ImageID = c.Current?.Image is { } image ? "docker://" + image : "",
        ContainerID = c.Current is { } current ? "docker://" + current.ID : null,
        Ready = c.Running && c.Ready,
        Started = c.Running && c.Started,
        RestartCount = c.RestartCount,
        State = c.Waiting is { } waiting
            ? new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = waiting.Reason, Message = waiting.Message } }
            : c.Current is null
                ? new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } }
                : c.Running
                    ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Time(c.Current.State.StartedAt) } }
                    : new V1ContainerState { Terminated = Terminated(c.Current) },
        LastState = c.Previous is { State.Running: false } previous ? new V1ContainerState { Terminated = Terminated(previous) } : new V1ContainerState(),
    };

    /// <summary>Kubernetes' reasons: OOMKilled, Completed (exit 0), Error.</summary>
    private static V1ContainerStateTerminated Terminated(ContainerInspectResponse container) => new()
    {
        ExitCode = (int)container.State.ExitCode,
        Reason = container.State.OOMKilled ? "OOMKilled" : container.State.ExitCode == 0 ? "Completed" : "Error",
        Message = string.IsNullOrEmpty(container.State.Error) ? null : container.State.Error,
        StartedAt = Time(container.State.StartedAt),
        FinishedAt = Time(container.State.FinishedAt),
        ContainerID = "docker://" + container.ID,
    };

    private static DateTime? Time(string? value) => DockerRuntime.ParseTime(value)?.UtcDateTime;
}
