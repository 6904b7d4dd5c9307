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
