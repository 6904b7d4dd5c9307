using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace PaaS.NodeAgent.Config;

/// <summary>Reads ConfigMaps and Secrets through the API server; the node authorizer lets a node read only those its pods use.</summary>
public sealed class ApiPodConfigSource(IKubernetes api) : IPodConfigSource
{
    public Task<V1ConfigMap?> ConfigMapAsync(string ns, string name, CancellationToken ct) =>
        NullIfMissing(() => api.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct));

    public Task<V1Secret?> SecretAsync(string ns, string name, CancellationToken ct) =>
        NullIfMissing(() => api.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct));

    private static async Task<T?> NullIfMissing<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
