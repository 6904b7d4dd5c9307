using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 Container and everything inside it: ports, env, resources, mounts, probes, lifecycle hooks, security context.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCoreContainer(SchemaBuilder schema)
    {
        schema.Message(Core + "Container")
            .String(1, "name", Keep)
            .String(2, "image")
            .Strings(3, "command")
            .Strings(4, "args")
            .String(5, "workingDir")
            .Messages(6, "ports", Core + "ContainerPort")
            .Messages(19, "envFrom", Core + "EnvFromSource")
            .Messages(7, "env", Core + "EnvVar")
            .Message(8, "resources", Core + "ResourceRequirements")
            .Messages(23, "resizePolicy", Core + "ContainerResizePolicy")
            .String(24, "restartPolicy", Keep)
            .Messages(9, "volumeMounts", Core + "VolumeMount")
            .Messages(21, "volumeDevices", Core + "VolumeDevice")
            .Message(10, "livenessProbe", Core + "Probe")
            .Message(11, "readinessProbe", Core + "Probe")
            .Message(22, "startupProbe", Core + "Probe")
            .Message(12, "lifecycle", Core + "Lifecycle")
            .String(13, "terminationMessagePath")
            .String(20, "terminationMessagePolicy")
            .String(14, "imagePullPolicy")
            .Message(15, "securityContext", Core + "SecurityContext")
            .Bool(16, "stdin")
            .Bool(17, "stdinOnce")
            .Bool(18, "tty");

        schema.Message(Core + "EphemeralContainer")
            // Go embeds EphemeralContainerCommon: an ephemeral container's JSON is a container's plus targetContainerName.
            .Inline(1, Core + "EphemeralContainerCommon")
            .String(2, "targetContainerName");

        schema.Message(Core + "EphemeralContainerCommon")
            .String(1, "name", Keep)
            .String(2, "image")
            .Strings(3, "command")
            .Strings(4, "args")
            .String(5, "workingDir")
            .Messages(6, "ports", Core + "ContainerPort")
            .Messages(19, "envFrom", Core + "EnvFromSource")
            .Messages(7, "env", Core + "EnvVar")
            .Message(8, "resources", Core + "ResourceRequirements")
            .Messages(23, "resizePolicy", Core + "ContainerResizePolicy")
            .String(24, "restartPolicy", Keep)
            .Messages(9, "volumeMounts", Core + "VolumeMount")
            .Messages(21, "volumeDevices", Core + "VolumeDevice")
            .Message(10, "livenessProbe", Core + "Probe")
            .Message(11, "readinessProbe", Core + "Probe")
            .Message(22, "startupProbe", Core + "Probe")
            .Message(12, "lifecycle", Core + "Lifecycle")
            .String(13, "terminationMessagePath")
            .String(20, "terminationMessagePolicy")
            .String(14, "imagePullPolicy")
            .Message(15, "securityContext", Core + "SecurityContext")
            .Bool(16, "stdin")
            .Bool(17, "stdinOnce")
            .Bool(18, "tty");

        schema.Message(Core + "ContainerPort")
            .String(1, "name")
            .Int32(2, "hostPort")
            .Int32(3, "containerPort", Keep)
            .String(4, "protocol")
            .String(5, "hostIP");

        schema.Message(Core + "ContainerResizePolicy")
            .String(1, "resourceName", Keep)
            .String(2, "restartPolicy", Keep);

        schema.Message(Core + "EnvVar")
            .String(1, "name", Keep)
            .String(2, "value")
            .Message(3, "valueFrom", Core + "EnvVarSource");

        schema.Message(Core + "EnvVarSource")
            .Message(1, "fieldRef", Core + "ObjectFieldSelector")
            .Message(2, "resourceFieldRef", Core + "ResourceFieldSelector")
            .Message(3, "configMapKeyRef", Core + "ConfigMapKeySelector")
            .Message(4, "secretKeyRef", Core + "SecretKeySelector");

        schema.Message(Core + "ObjectFieldSelector")
            .String(1, "apiVersion")
            .String(2, "fieldPath", Keep);

        schema.Message(Core + "ResourceFieldSelector")
            .String(1, "containerName")
            .String(2, "resource", Keep)
            .Quantity(3, "divisor");

        schema.Message(Core + "ConfigMapKeySelector")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .String(2, "key", Keep)
            .Bool(3, "optional", Keep);

        schema.Message(Core + "SecretKeySelector")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .String(2, "key", Keep)
            .Bool(3, "optional", Keep);

        schema.Message(Core + "EnvFromSource")
            .String(1, "prefix")
            .Message(2, "configMapRef", Core + "ConfigMapEnvSource")
            .Message(3, "secretRef", Core + "SecretEnvSource");

        schema.Message(Core + "ConfigMapEnvSource")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .Bool(2, "optional", Keep);

        schema.Message(Core + "SecretEnvSource")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .Bool(2, "optional", Keep);

        schema.Message(Core + "ResourceRequirements")
            .QuantityMap(1, "limits")
            .QuantityMap(2, "requests")
            .Messages(3, "claims", Core + "ResourceClaim");

        schema.Message(Core + "ResourceClaim")
            .String(1, "name", Keep)
            .String(2, "request");

        schema.Message(Core + "VolumeMount")
            .String(1, "name", Keep)
            .Bool(2, "readOnly")
            .String(7, "recursiveReadOnly", Keep)
            .String(3, "mountPath", Keep)
            .String(4, "subPath")
            .String(5, "mountPropagation", Keep)
            .String(6, "subPathExpr");

        schema.Message(Core + "VolumeDevice")
            .String(1, "name", Keep)
            .String(2, "devicePath", Keep);

        schema.Message(Core + "Probe")
            // Go embeds ProbeHandler: exec, httpGet, tcpSocket and grpc are properties of the probe itself.
            .Inline(1, Core + "ProbeHandler")
            .Int32(2, "initialDelaySeconds")
            .Int32(3, "timeoutSeconds")
            .Int32(4, "periodSeconds")
            .Int32(5, "successThreshold")
            .Int32(6, "failureThreshold")
            .Int64(7, "terminationGracePeriodSeconds", Keep);

        schema.Message(Core + "ProbeHandler")
            .Message(1, "exec", Core + "ExecAction")
            .Message(2, "httpGet", Core + "HTTPGetAction")
            .Message(3, "tcpSocket", Core + "TCPSocketAction")
            .Message(4, "grpc", Core + "GRPCAction");

        schema.Message(Core + "ExecAction")
            .Strings(1, "command");

        schema.Message(Core + "HTTPGetAction")
            .String(1, "path")
            .IntOrString(2, "port")
            .String(3, "host")
            .String(4, "scheme")
            .Messages(5, "httpHeaders", Core + "HTTPHeader");

        schema.Message(Core + "HTTPHeader")
            .String(1, "name", Keep)
            .String(2, "value", Keep);

        schema.Message(Core + "TCPSocketAction")
            .IntOrString(1, "port")
            .String(2, "host");

        schema.Message(Core + "GRPCAction")
            .Int32(1, "port", Keep)
            .String(2, "service", Keep);

        schema.Message(Core + "Lifecycle")
            .Message(1, "postStart", Core + "LifecycleHandler")
            .Message(2, "preStop", Core + "LifecycleHandler")
            .String(3, "stopSignal", Keep);

        schema.Message(Core + "LifecycleHandler")
            .Message(1, "exec", Core + "ExecAction")
            .Message(2, "httpGet", Core + "HTTPGetAction")
            .Message(3, "tcpSocket", Core + "TCPSocketAction")
            .Message(4, "sleep", Core + "SleepAction");

        schema.Message(Core + "SleepAction")
            .Int64(1, "seconds", Keep);

        schema.Message(Core + "SecurityContext")
            .Message(1, "capabilities", Core + "Capabilities")
            .Bool(2, "privileged", Keep)
            .Message(3, "seLinuxOptions", Core + "SELinuxOptions")
            .Message(10, "windowsOptions", Core + "WindowsSecurityContextOptions")
            .Int64(4, "runAsUser", Keep)
            .Int64(8, "runAsGroup", Keep)
            .Bool(5, "runAsNonRoot", Keep)
            .Bool(6, "readOnlyRootFilesystem", Keep)
            .Bool(7, "allowPrivilegeEscalation", Keep)
            .String(9, "procMount", Keep)
            .Message(11, "seccompProfile", Core + "SeccompProfile")
            .Message(12, "appArmorProfile", Core + "AppArmorProfile");

        schema.Message(Core + "Capabilities")
            .Strings(1, "add")
            .Strings(2, "drop");
    }
}
