using System.Globalization;
using k8s.Models;

namespace PaaS.Controllers.Endpoints;

/// <summary>
/// The pure part of the endpoints controller: a Service and the pods its selector matches → the Endpoints subsets.
/// Every pod is reached on a host port of its own (the node agent publishes each container port), so each pod
/// gets a subset of its own: one address and that pod's host ports, named after the Service's ports.
/// </summary>
internal static class EndpointSubsets
{
    public static List<V1EndpointSubset> For(V1Service service, IEnumerable<V1Pod> pods)
    {
        var subsets = new List<(string Pod, string Ip, V1EndpointSubset Subset)>();
        foreach (var pod in pods.Where(p => p.Status?.Phase is not ("Succeeded" or "Failed")))
        {
            // A pod that finished never serves again (Kubernetes leaves it out as well).
            var published = PublishedPorts.Parse(pod.Metadata.Annotations);
            var reachable = new List<(string Ip, Corev1EndpointPort Port)>();
            foreach (var servicePort in service.Spec.Ports ?? [])
            {
                var protocol = servicePort.Protocol ?? "TCP";
                if (ContainerPort(pod, servicePort, protocol) is not { } containerPort)
                {
                    continue;
                }

                // Without the annotation (a simulated node runs nothing) the pod IP and container port are all there is.
                (string? Ip, int Port)? target = published is null
                    ? (pod.Status?.PodIP, containerPort)
                    : published.TryGetValue((containerPort, protocol), out var hostAddress) ? hostAddress : null;
                if (target is ({ Length: > 0 } ip, var port))
                {
                    reachable.Add((ip, new Corev1EndpointPort { Name = servicePort.Name, Port = port, Protocol = protocol }));
                }
            }

            // Normally one host address; should ports be published on different ones, each gets its own subset.
            foreach (var group in reachable.GroupBy(r => r.Ip, StringComparer.Ordinal))
            {
                var address = new V1EndpointAddress
                {
                    Ip = group.Key,
                    NodeName = pod.Spec?.NodeName,
                    TargetRef = new V1ObjectReference { Kind = "Pod", Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty, Uid = pod.Metadata.Uid },
                };
                var ready = IsReady(pod);
                subsets.Add((pod.Metadata.Name, group.Key, new V1EndpointSubset
                {
                    Addresses = ready ? [address] : null,
                    NotReadyAddresses = ready ? null : [address],
                    Ports = group.Select(r => r.Port).ToList(),
                }));
            }
        }

        // Deterministic order: an unchanged set of pods compares equal to what is stored, and nothing is written.
        return subsets
            .OrderBy(s => s.Pod, StringComparer.Ordinal)
            .ThenBy(s => s.Ip, StringComparer.Ordinal)
            .Select(s => s.Subset)
            .ToList();
    }

    /// <summary>
    /// Ready to take traffic: Running, Ready=True and not terminating. A terminating pod leaves the ready set at once,
    /// so the gateway takes it out of rotation before its containers get SIGTERM.
    /// </summary>
    public static bool IsReady(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Status?.Phase == "Running"
        && pod.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>
    /// The container port a Service port's targetPort names: a number as is, a name looked up among the pod's
    /// containers' ports (same protocol, as Kubernetes' FindPort), none given = the Service port. Null if unresolvable.
    /// </summary>
    public static int? ContainerPort(V1Pod pod, V1ServicePort servicePort, string protocol)
    {
        var target = servicePort.TargetPort?.Value;
        if (string.IsNullOrEmpty(target))
        {
            return servicePort.Port;
        }

        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return (pod.Spec?.Containers ?? [])
            .SelectMany(c => c.Ports ?? [])
            .FirstOrDefault(p => p.Name == target && (p.Protocol ?? "TCP") == protocol)?.ContainerPort;
    }
}
