using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 PodStatus: what the kubelet reports about a pod and each of its containers.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCorePodStatus(SchemaBuilder schema)
    {
        schema.Message(Core + "PodStatus")
            .Int64(17, "observedGeneration")
            .String(1, "phase")
            .Messages(2, "conditions", Core + "PodCondition")
            .String(3, "message")
            .String(4, "reason")
            .String(11, "nominatedNodeName")
            .String(5, "hostIP")
            .Messages(16, "hostIPs", Core + "HostIP")
            .String(6, "podIP")
            .Messages(12, "podIPs", Core + "PodIP")
            .Time(7, "startTime")
            .Messages(10, "initContainerStatuses", Core + "ContainerStatus")
            .Messages(8, "containerStatuses", Core + "ContainerStatus")
            .String(9, "qosClass")
            .Messages(13, "ephemeralContainerStatuses", Core + "ContainerStatus")
            .String(14, "resize")
            .Messages(15, "resourceClaimStatuses", Core + "PodResourceClaimStatus");

        schema.Message(Core + "PodCondition")
            .String(1, "type", Keep)
            .Int64(7, "observedGeneration")
            .String(2, "status", Keep)
            .Time(3, "lastProbeTime")
            .Time(4, "lastTransitionTime")
            .String(5, "reason")
            .String(6, "message");

        schema.Message(Core + "PodIP")
            .String(1, "ip", Keep);

        schema.Message(Core + "HostIP")
            .String(1, "ip", Keep);

        schema.Message(Core + "PodResourceClaimStatus")
            .String(1, "name", Keep)
            .String(2, "resourceClaimName", Keep);

        schema.Message(Core + "ContainerStatus")
            .String(1, "name", Keep)
            .Message(2, "state", Core + "ContainerState")
            .Message(3, "lastState", Core + "ContainerState")
            .Bool(4, "ready", Keep)
            .Int32(5, "restartCount", Keep)
            .String(6, "image", Keep)
            .String(7, "imageID", Keep)
            .String(8, "containerID")
            .Bool(9, "started", Keep)
            .QuantityMap(10, "allocatedResources")
            .Message(11, "resources", Core + "ResourceRequirements")
            .Messages(12, "volumeMounts", Core + "VolumeMountStatus")
            .Message(13, "user", Core + "ContainerUser")
            .Messages(14, "allocatedResourcesStatus", Core + "ResourceStatus")
            .String(15, "stopSignal", Keep);

        schema.Message(Core + "ContainerState")
            .Message(1, "waiting", Core + "ContainerStateWaiting")
            .Message(2, "running", Core + "ContainerStateRunning")
            .Message(3, "terminated", Core + "ContainerStateTerminated");

        schema.Message(Core + "ContainerStateWaiting")
            .String(1, "reason")
            .String(2, "message");

        schema.Message(Core + "ContainerStateRunning")
            .Time(1, "startedAt");

        schema.Message(Core + "ContainerStateTerminated")
            .Int32(1, "exitCode", Keep)
            .Int32(2, "signal")
            .String(3, "reason")
            .String(4, "message")
            .Time(5, "startedAt")
            .Time(6, "finishedAt")
            .String(7, "containerID");

        schema.Message(Core + "ContainerUser")
            .Message(1, "linux", Core + "LinuxContainerUser");

        schema.Message(Core + "LinuxContainerUser")
            .Int64(1, "uid", Keep)
            .Int64(2, "gid", Keep)
            .Int64s(3, "supplementalGroups");

        schema.Message(Core + "VolumeMountStatus")
            .String(1, "name", Keep)
            .String(2, "mountPath", Keep)
            .Bool(3, "readOnly")
            .String(4, "recursiveReadOnly", Keep);

        schema.Message(Core + "ResourceStatus")
            .String(1, "name", Keep)
            .Messages(2, "resources", Core + "ResourceHealth");

        schema.Message(Core + "ResourceHealth")
            .String(1, "resourceID", Keep)
            .String(2, "health");
    }
}
