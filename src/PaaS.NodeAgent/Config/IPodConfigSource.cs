using k8s.Models;

namespace PaaS.NodeAgent.Config;

/// <summary>Where the runtime reads the ConfigMaps and Secrets a pod refers to (the API, with the node's identity); null when absent.</summary>
public interface IPodConfigSource
{
    Task<V1ConfigMap?> ConfigMapAsync(string ns, string name, CancellationToken ct);

    Task<V1Secret?> SecretAsync(string ns, string name, CancellationToken ct);
}
