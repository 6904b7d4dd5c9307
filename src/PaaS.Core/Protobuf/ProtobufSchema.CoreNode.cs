using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 Node: spec, status and what the kubelet reports about itself.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCoreNode(SchemaBuilder schema)
    {
        schema.Kind("v1", "Node", Core + "Node");

        schema.Message(Core + "Node")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "NodeSpec")
            .Message(3, "status", Core + "NodeStatus");

        schema.Message(Core + "NodeSpec")
            .String(1, "podCIDR")
            .Strings(7, "podCIDRs")
            .String(3, "providerID")
            .Bool(4, "unschedulable")
            .Messages(5, "taints", Core + "Taint")
            .Message(6, "configSource", Core + "NodeConfigSource")
            .String(2, "externalID");

        schema.Message(Core + "NodeConfigSource")
            .Message(2, "configMap", Core + "ConfigMapNodeConfigSource");

        schema.Message(Core + "ConfigMapNodeConfigSource")
            .String(1, "namespace", Keep)
            .String(2, "name", Keep)
            .String(3, "uid")
            .String(4, "resourceVersion")
            .String(5, "kubeletConfigKey", Keep);

        schema.Message(Core + "Taint")
            .String(1, "key", Keep)
            .String(2, "value")
            .String(3, "effect", Keep)
            .Time(4, "timeAdded");

        schema.Message(Core + "NodeStatus")
            .QuantityMap(1, "capacity")
            .QuantityMap(2, "allocatable")
            .String(3, "phase")
            .Messages(4, "conditions", Core + "NodeCondition")
            .Messages(5, "addresses", Core + "NodeAddress")
            .Message(6, "daemonEndpoints", Core + "NodeDaemonEndpoints")
            .Message(7, "nodeInfo", Core + "NodeSystemInfo")
            .Messages(8, "images", Core + "ContainerImage")
            .Strings(9, "volumesInUse")
            .Messages(10, "volumesAttached", Core + "AttachedVolume")
            .Message(11, "config", Core + "NodeConfigStatus")
            .Messages(12, "runtimeHandlers", Core + "NodeRuntimeHandler")
            .Message(13, "features", Core + "NodeFeatures");

        schema.Message(Core + "NodeCondition")
            .String(1, "type", Keep)
            .String(2, "status", Keep)
            .Time(3, "lastHeartbeatTime")
            .Time(4, "lastTransitionTime")
            .String(5, "reason")
            .String(6, "message");

        schema.Message(Core + "NodeAddress")
            .String(1, "type", Keep)
            .String(2, "address", Keep);

        schema.Message(Core + "NodeDaemonEndpoints")
            .Message(1, "kubeletEndpoint", Core + "DaemonEndpoint");

        schema.Message(Core + "DaemonEndpoint")
            // Capitalised on purpose: Kubernetes' JSON tag for DaemonEndpoint.Port really is "Port".
            .Int32(1, "Port", Keep);

        schema.Message(Core + "NodeSystemInfo")
            .String(1, "machineID", Keep)
            .String(2, "systemUUID", Keep)
            .String(3, "bootID", Keep)
            .String(4, "kernelVersion", Keep)
            .String(5, "osImage", Keep)
            .String(6, "containerRuntimeVersion", Keep)
            .String(7, "kubeletVersion", Keep)
            .String(8, "kubeProxyVersion", Keep)
            .String(9, "operatingSystem", Keep)
            .String(10, "architecture", Keep)
            .Message(11, "swap", Core + "NodeSwapStatus");

        schema.Message(Core + "NodeSwapStatus")
            .Int64(1, "capacity", Keep);

        schema.Message(Core + "ContainerImage")
            .Strings(1, "names")
            .Int64(2, "sizeBytes");

        schema.Message(Core + "AttachedVolume")
            .String(1, "name", Keep)
            .String(2, "devicePath", Keep);

        schema.Message(Core + "NodeConfigStatus")
            .Message(1, "assigned", Core + "NodeConfigSource")
            .Message(2, "active", Core + "NodeConfigSource")
            .Message(3, "lastKnownGood", Core + "NodeConfigSource")
            .String(4, "error");

        schema.Message(Core + "NodeRuntimeHandler")
            .String(1, "name", Keep)
            .Message(2, "features", Core + "NodeRuntimeHandlerFeatures");

        schema.Message(Core + "NodeRuntimeHandlerFeatures")
            .Bool(1, "recursiveReadOnlyMounts", Keep)
            .Bool(2, "userNamespaces", Keep);

        schema.Message(Core + "NodeFeatures")
            .Bool(1, "supplementalGroupsPolicy", Keep);
    }
}
