using k8s.Models;

namespace PaaS.Gateway.Tests;

/// <summary>Services and Endpoints as the API stores them (Endpoints in the Endpoints controller's shape: one subset per pod).</summary>
internal static class Objects
{
    public static V1Service Service(string name, string type = "LoadBalancer", string? affinity = null, params (string? Name, int Port)[] ports) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team-a", Annotations = new Dictionary<string, string> { ["paas.dev/rate-limit"] = "10" } },
        Spec = new V1ServiceSpec
        {
            Type = type,
            SessionAffinity = affinity,
            Ports = (ports.Length == 0 ? [("http", 80)] : ports).Select(p => new V1ServicePort { Name = p.Name, Port = p.Port, Protocol = "TCP" }).ToList(),
        },
    };

    /// <summary>One subset per pod: (pod, host port, ready) publishing the service port named <paramref name="portName"/>.</summary>
    public static V1Endpoints Endpoints(string name, string? portName, params (string Pod, int Port, bool Ready)[] pods) => new()
    {
        ApiVersion = "v1",
        Kind = "Endpoints",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team-a" },
        Subsets = pods.Select(p =>
        {
            var address = new V1EndpointAddress { Ip = "127.0.0.1", NodeName = "node-1", TargetRef = new V1ObjectReference { Kind = "Pod", Name = p.Pod, NamespaceProperty = "team-a" } };
            return new V1EndpointSubset
            {
                Addresses = p.Ready ? [address] : null,
                NotReadyAddresses = p.Ready ? null : [address],
                Ports = [new Corev1EndpointPort { Name = portName, Port = p.Port, Protocol = "TCP" }],
            };
        }).ToList(),
    };
}
