using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 Pod: the pod spec around its containers and volumes, scheduling constraints and pod status.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCorePod(SchemaBuilder schema)
    {
        schema.Kind("v1", "Pod", Core + "Pod");

        schema.Message(Core + "Pod")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "PodSpec")
            .Message(3, "status", Core + "PodStatus");

        schema.Message(Core + "PodTemplateSpec")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "PodSpec");

        schema.Message(Core + "PodSpec")
            .Messages(1, "volumes", Core + "Volume")
            .Messages(20, "initContainers", Core + "Container")
            .Messages(2, "containers", Core + "Container")
            .Messages(34, "ephemeralContainers", Core + "EphemeralContainer")
            .String(3, "restartPolicy")
            .Int64(4, "terminationGracePeriodSeconds", Keep)
            .Int64(5, "activeDeadlineSeconds", Keep)
            .String(6, "dnsPolicy")
            .StringMap(7, "nodeSelector")
            .String(8, "serviceAccountName")
            .String(9, "serviceAccount")
            .Bool(21, "automountServiceAccountToken", Keep)
            .String(10, "nodeName")
            .Bool(11, "hostNetwork")
            .Bool(12, "hostPID")
            .Bool(13, "hostIPC")
            .Bool(27, "shareProcessNamespace", Keep)
            .Message(14, "securityContext", Core + "PodSecurityContext")
            .Messages(15, "imagePullSecrets", Core + "LocalObjectReference")
            .String(16, "hostname")
            .String(17, "subdomain")
            .Message(18, "affinity", Core + "Affinity")
            .String(19, "schedulerName")
            .Messages(22, "tolerations", Core + "Toleration")
            .Messages(23, "hostAliases", Core + "HostAlias")
            .String(24, "priorityClassName")
            .Int32(25, "priority", Keep)
            .Message(26, "dnsConfig", Core + "PodDNSConfig")
            .Messages(28, "readinessGates", Core + "PodReadinessGate")
            .String(29, "runtimeClassName", Keep)
            .Bool(30, "enableServiceLinks", Keep)
            .String(31, "preemptionPolicy", Keep)
            .QuantityMap(32, "overhead")
            .Messages(33, "topologySpreadConstraints", Core + "TopologySpreadConstraint")
            .Bool(35, "setHostnameAsFQDN", Keep)
            .Message(36, "os", Core + "PodOS")
            .Bool(37, "hostUsers", Keep)
            .Messages(38, "schedulingGates", Core + "PodSchedulingGate")
            .Messages(39, "resourceClaims", Core + "PodResourceClaim")
            .Message(40, "resources", Core + "ResourceRequirements");

        schema.Message(Core + "PodSecurityContext")
            .Message(1, "seLinuxOptions", Core + "SELinuxOptions")
            .Message(8, "windowsOptions", Core + "WindowsSecurityContextOptions")
            .Int64(2, "runAsUser", Keep)
            .Int64(6, "runAsGroup", Keep)
            .Bool(3, "runAsNonRoot", Keep)
            .Int64s(4, "supplementalGroups")
            .String(12, "supplementalGroupsPolicy", Keep)
            .Int64(5, "fsGroup", Keep)
            .Messages(7, "sysctls", Core + "Sysctl")
            .String(9, "fsGroupChangePolicy", Keep)
            .Message(10, "seccompProfile", Core + "SeccompProfile")
            .Message(11, "appArmorProfile", Core + "AppArmorProfile")
            .String(13, "seLinuxChangePolicy", Keep);

        schema.Message(Core + "SELinuxOptions")
            .String(1, "user")
            .String(2, "role")
            .String(3, "type")
            .String(4, "level");

        schema.Message(Core + "WindowsSecurityContextOptions")
            .String(1, "gmsaCredentialSpecName", Keep)
            .String(2, "gmsaCredentialSpec", Keep)
            .String(3, "runAsUserName", Keep)
            .Bool(4, "hostProcess", Keep);

        schema.Message(Core + "SeccompProfile")
            .String(1, "type", Keep)
            .String(2, "localhostProfile", Keep);

        schema.Message(Core + "AppArmorProfile")
            .String(1, "type", Keep)
            .String(2, "localhostProfile", Keep);

        schema.Message(Core + "Sysctl")
            .String(1, "name", Keep)
            .String(2, "value", Keep);

        schema.Message(Core + "Toleration")
            .String(1, "key")
            .String(2, "operator")
            .String(3, "value")
            .String(4, "effect")
            .Int64(5, "tolerationSeconds", Keep);

        schema.Message(Core + "HostAlias")
            .String(1, "ip", Keep)
            .Strings(2, "hostnames");

        schema.Message(Core + "PodDNSConfig")
            .Strings(1, "nameservers")
            .Strings(2, "searches")
            .Messages(3, "options", Core + "PodDNSConfigOption");

        schema.Message(Core + "PodDNSConfigOption")
            .String(1, "name")
            .String(2, "value", Keep);

        schema.Message(Core + "PodReadinessGate")
            .String(1, "conditionType", Keep);

        schema.Message(Core + "PodOS")
            .String(1, "name", Keep);

        schema.Message(Core + "PodSchedulingGate")
            .String(1, "name", Keep);

        schema.Message(Core + "PodResourceClaim")
            .String(1, "name", Keep)
            .String(3, "resourceClaimName", Keep)
            .String(4, "resourceClaimTemplateName", Keep);

        schema.Message(Core + "TopologySpreadConstraint")
            .Int32(1, "maxSkew", Keep)
            .String(2, "topologyKey", Keep)
            .String(3, "whenUnsatisfiable", Keep)
            .Message(4, "labelSelector", Meta + "LabelSelector")
            .Int32(5, "minDomains", Keep)
            .String(6, "nodeAffinityPolicy", Keep)
            .String(7, "nodeTaintsPolicy", Keep)
            .Strings(8, "matchLabelKeys");

        schema.Message(Core + "Affinity")
            .Message(1, "nodeAffinity", Core + "NodeAffinity")
            .Message(2, "podAffinity", Core + "PodAffinity")
            .Message(3, "podAntiAffinity", Core + "PodAntiAffinity");

        schema.Message(Core + "NodeAffinity")
            .Message(1, "requiredDuringSchedulingIgnoredDuringExecution", Core + "NodeSelector")
            .Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", Core + "PreferredSchedulingTerm");

        schema.Message(Core + "NodeSelector")
            .Messages(1, "nodeSelectorTerms", Core + "NodeSelectorTerm");

        schema.Message(Core + "NodeSelectorTerm")
            .Messages(1, "matchExpressions", Core + "NodeSelectorRequirement")
            .Messages(2, "matchFields", Core + "NodeSelectorRequirement");

        schema.Message(Core + "NodeSelectorRequirement")
            .String(1, "key", Keep)
            .String(2, "operator", Keep)
            .Strings(3, "values");

        schema.Message(Core + "PreferredSchedulingTerm")
            .Int32(1, "weight", Keep)
            .Message(2, "preference", Core + "NodeSelectorTerm");

        schema.Message(Core + "PodAffinity")
            .Messages(1, "requiredDuringSchedulingIgnoredDuringExecution", Core + "PodAffinityTerm")
            .Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", Core + "WeightedPodAffinityTerm");

        schema.Message(Core + "PodAntiAffinity")
            .Messages(1, "requiredDuringSchedulingIgnoredDuringExecution", Core + "PodAffinityTerm")
            .Messages(2, "preferredDuringSchedulingIgnoredDuringExecution", Core + "WeightedPodAffinityTerm");

        schema.Message(Core + "PodAffinityTerm")
            .Message(1, "labelSelector", Meta + "LabelSelector")
            .Strings(2, "namespaces")
            .String(3, "topologyKey", Keep)
            .Message(4, "namespaceSelector", Meta + "LabelSelector")
            .Strings(5, "matchLabelKeys")
            .Strings(6, "mismatchLabelKeys");

        schema.Message(Core + "WeightedPodAffinityTerm")
            .Int32(1, "weight", Keep)
            .Message(2, "podAffinityTerm", Core + "PodAffinityTerm");
    }
}
