using System.Text;
using k8s;
using k8s.Models;

namespace PaaS.Core.Defaults;

/// <summary>
/// Kubernetes' defaulting for the fields users usually leave out, applied on every write so a stored
/// object reads back the way <c>kubectl get -o yaml</c> shows it on a real cluster.
/// </summary>
public static class ObjectDefaults
{
    public static void Apply(IKubernetesObject<V1ObjectMeta> obj)
    {
        switch (obj)
        {
            case V1Pod pod:
                ApplyPodSpec(pod.Spec);
                DefaultRequestsToLimits(pod.Spec);
                break;
            case V1Secret secret:
                ApplySecret(secret);
                break;
            case V1LimitRange { Spec.Limits: { } limits }:
                foreach (var item in limits.Where(i => i is not null))
                {
                    LimitRangeDefaults.Apply(item);
                }

                break;
            case V1Deployment { Spec: { } spec }:
                spec.Replicas ??= 1;
                spec.RevisionHistoryLimit ??= 10;
                spec.ProgressDeadlineSeconds ??= 600;
                spec.Strategy ??= new V1DeploymentStrategy();
                spec.Strategy.Type ??= "RollingUpdate";
                if (spec.Strategy.Type == "RollingUpdate")
                {
                    spec.Strategy.RollingUpdate ??= new V1RollingUpdateDeployment();
                    spec.Strategy.RollingUpdate.MaxSurge ??= "25%";
                    spec.Strategy.RollingUpdate.MaxUnavailable ??= "25%";
                }

                ApplyPodSpec(spec.Template?.Spec);
                break;
            case V1ReplicaSet { Spec: { } spec }:
                spec.Replicas ??= 1;
                ApplyPodSpec(spec.Template?.Spec);
                break;
            case V1Service { Spec: { } spec }:
                spec.Type ??= "ClusterIP";
                spec.SessionAffinity ??= "None";
                foreach (var port in spec.Ports ?? [])
                {
                    port.Protocol ??= "TCP";
                    if (port.TargetPort is null || string.IsNullOrEmpty(port.TargetPort.Value))
                    {
                        port.TargetPort = port.Port;
                    }
                }

                break;
            case V1Namespace ns:
                // The namespace's own finalizer: the API server removes its contents before the namespace goes.
                ns.Spec ??= new V1NamespaceSpec();
                ns.Spec.Finalizers ??= ["kubernetes"];
                ns.Metadata.Labels ??= new Dictionary<string, string>();
                ns.Metadata.Labels["kubernetes.io/metadata.name"] = ns.Metadata.Name;
                break;
        }
    }

    private static void ApplyPodSpec(V1PodSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        spec.RestartPolicy ??= "Always";
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SchedulerName ??= "default-scheduler";
        spec.SecurityContext ??= new V1PodSecurityContext();
        foreach (var container in (spec.Containers ?? []).Concat(spec.InitContainers ?? []))
        {
            container.TerminationMessagePath ??= "/dev/termination-log";
            container.TerminationMessagePolicy ??= "File";
            container.ImagePullPolicy ??= PullPolicyFor(container.Image);
            container.Resources ??= new V1ResourceRequirements();
            foreach (var port in container.Ports ?? [])
            {
                port.Protocol ??= "TCP";
            }
        }
    }

    /// <summary>
    /// SetDefaults_Pod: a container that sets a limit but no request is requesting the limit. Pods only: Kubernetes
    /// leaves pod templates alone so that a later limit change in the template still moves the request.
    /// </summary>
    private static void DefaultRequestsToLimits(V1PodSpec? spec)
    {
        foreach (var container in (spec?.Containers ?? []).Concat(spec?.InitContainers ?? []))
        {
            if (container.Resources?.Limits is not { Count: > 0 } limits)
            {
                continue;
            }

            container.Resources.Requests ??= new Dictionary<string, ResourceQuantity>();
            foreach (var (name, limit) in limits)
            {
                if (limit is not null && !container.Resources.Requests.ContainsKey(name))
                {
                    container.Resources.Requests[name] = new ResourceQuantity(limit.ToString());
                }
            }
        }
    }

    /// <summary>
    /// stringData is write-only: the v1 conversion merges it into data (stringData wins, as UTF-8 bytes) and the stored
    /// secret never carries it. <c>type</c> defaults to Opaque.
    /// </summary>
    private static void ApplySecret(V1Secret secret)
    {
        secret.Type = string.IsNullOrEmpty(secret.Type) ? "Opaque" : secret.Type;
        if (secret.StringData is null)
        {
            return;
        }

        if (secret.StringData.Count > 0)
        {
            secret.Data ??= new Dictionary<string, byte[]>();
            foreach (var (key, value) in secret.StringData)
            {
                secret.Data[key] = Encoding.UTF8.GetBytes(value ?? "");
            }
        }

        secret.StringData = null;
    }

    /// <summary>Kubernetes pulls <c>:latest</c> (or untagged) images always, pinned ones only if absent.</summary>
    private static string PullPolicyFor(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var tag = lastSegment.Contains(':', StringComparison.Ordinal) ? lastSegment[(lastSegment.LastIndexOf(':') + 1)..] : "latest";
        return tag == "latest" ? "Always" : "IfNotPresent";
    }
}
