using k8s;
using k8s.Models;

namespace PaaS.Controllers.Runtime;

/// <summary>Writes Kubernetes Events about an object (what <c>kubectl describe</c> lists under Events).</summary>
public sealed class EventRecorder(IKubernetes api, TimeProvider time, string component)
{
    public Task RecordAsync(IKubernetesObject<V1ObjectMeta> about, string type, string reason, string message, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var meta = about.Metadata;
        return api.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = meta.Name + ".", NamespaceProperty = meta.NamespaceProperty },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = about.ApiVersion, Kind = about.Kind, Name = meta.Name, NamespaceProperty = meta.NamespaceProperty,
                Uid = meta.Uid, ResourceVersion = meta.ResourceVersion,
            },
            Reason = reason,
            Message = message,
            Type = type,
            Source = new V1EventSource { Component = component },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        }, meta.NamespaceProperty, cancellationToken: ct);
    }
}
