using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.ApiServer.Authorization;

/// <summary>The secrets and config maps a pod uses: volumes (including projected), env and envFrom of every container.</summary>
internal static class PodReferences
{
    public static bool Uses(V1Pod pod, ResourceType type, string name)
    {
        var secret = type == ResourceTypes.Secret;
        var spec = pod.Spec;
        if (spec is null)
        {
            return false;
        }

        foreach (var volume in spec.Volumes ?? [])
        {
            if ((secret ? volume.Secret?.SecretName : volume.ConfigMap?.Name) == name)
            {
                return true;
            }

            if ((volume.Projected?.Sources ?? []).Any(s => (secret ? s.Secret?.Name : s.ConfigMap?.Name) == name))
            {
                return true;
            }
        }

        var containers = (spec.Containers ?? []).Concat(spec.InitContainers ?? []);
        return containers.Any(c =>
            (c.Env ?? []).Any(e => (secret ? e.ValueFrom?.SecretKeyRef?.Name : e.ValueFrom?.ConfigMapKeyRef?.Name) == name)
            || (c.EnvFrom ?? []).Any(e => (secret ? e.SecretRef?.Name : e.ConfigMapRef?.Name) == name))
            || (secret && (spec.ImagePullSecrets ?? []).Any(s => s.Name == name));
    }
}
