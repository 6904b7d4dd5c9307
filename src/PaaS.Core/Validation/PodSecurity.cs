using k8s.Models;

namespace PaaS.Core.Validation;

/// <summary>
/// The pod security this platform enforces on every pod, in every namespace: Kubernetes' "baseline" Pod
/// Security Standard in its essentials — no privileged containers, no host network, PID or IPC namespace,
/// no hostPath volumes, no host ports, and no capabilities added beyond <see cref="AllowedCapabilities"/>.
/// The node agent additionally drops every other capability and sets no-new-privileges and limits. The
/// message follows Kubernetes' PodSecurity admission and names each offending field by its path.
/// </summary>
public static class PodSecurity
{
    public const string Level = "paas-baseline";

    /// <summary>Capabilities a container may add back: Docker's defaults minus the risky ones (NET_RAW, MKNOD, AUDIT_WRITE, SYS_CHROOT).</summary>
    public static readonly IReadOnlySet<string> AllowedCapabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE", "SETGID", "SETPCAP", "SETUID",
    };

    /// <summary>What is wrong with the pod spec, grouped as Kubernetes groups it; empty when the pod is allowed.</summary>
    public static IReadOnlyList<string> Violations(V1PodSpec spec)
    {
        var violations = new List<string>();
        var containers = Containers(spec).ToList();

        var privileged = containers.Where(c => c.Container.SecurityContext?.Privileged == true)
            .Select(c => $"container \"{c.Container.Name}\" must not set {c.Path}.securityContext.privileged=true").ToList();
        if (privileged.Count > 0)
        {
            violations.Add($"privileged ({string.Join(", ", privileged)})");
        }

        var host = new List<string>();
        if (spec.HostNetwork == true)
        {
            host.Add("spec.hostNetwork=true");
        }

        if (spec.HostPID == true)
        {
            host.Add("spec.hostPID=true");
        }

        if (spec.HostIPC == true)
        {
            host.Add("spec.hostIPC=true");
        }

        if (host.Count > 0)
        {
            violations.Add($"host namespaces ({string.Join(", ", host)})");
        }

        var hostPaths = (spec.Volumes ?? []).Select((v, i) => (Volume: v, Index: i)).Where(v => v.Volume.HostPath is not null)
            .Select(v => $"volume \"{v.Volume.Name}\" (spec.volumes[{v.Index}].hostPath)").ToList();
        if (hostPaths.Count > 0)
        {
            violations.Add($"hostPath volumes ({string.Join(", ", hostPaths)})");
        }

        var hostPorts = containers.SelectMany(c => (c.Container.Ports ?? []).Select((p, i) => (c.Container, c.Path, Port: p, Index: i)))
            .Where(p => p.Port.HostPort is > 0)
            .Select(p => $"container \"{p.Container.Name}\" uses {p.Path}.ports[{p.Index}].hostPort={p.Port.HostPort}").ToList();
        if (hostPorts.Count > 0)
        {
            violations.Add($"hostPort ({string.Join(", ", hostPorts)})");
        }

        var capabilities = containers
            .SelectMany(c => (c.Container.SecurityContext?.Capabilities?.Add ?? []).Where(a => !AllowedCapabilities.Contains(a))
                .Select(a => $"container \"{c.Container.Name}\" must not include \"{a}\" in {c.Path}.securityContext.capabilities.add"))
            .ToList();
        if (capabilities.Count > 0)
        {
            violations.Add($"non-default capabilities ({string.Join(", ", capabilities)})");
        }

        return violations;
    }

    private static IEnumerable<(V1Container Container, string Path)> Containers(V1PodSpec spec) =>
        (spec.InitContainers ?? []).Select((c, i) => (c, $"spec.initContainers[{i}]"))
            .Concat((spec.Containers ?? []).Select((c, i) => (c, $"spec.containers[{i}]")));
}
