using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// apps/v1 Deployment and ReplicaSet.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddApps(SchemaBuilder schema)
    {
        schema.Kind("apps/v1", "Deployment", Apps + "Deployment");
        schema.Kind("apps/v1", "ReplicaSet", Apps + "ReplicaSet");

        schema.Message(Apps + "Deployment")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Apps + "DeploymentSpec")
            .Message(3, "status", Apps + "DeploymentStatus");

        schema.Message(Apps + "DeploymentCondition")
            .String(1, "type", Keep)
            .String(2, "status", Keep)
            .Time(6, "lastUpdateTime")
            .Time(7, "lastTransitionTime")
            .String(4, "reason")
            .String(5, "message");

        schema.Message(Apps + "DeploymentSpec")
            // *int32: only sent when set, so a 0 here is a real "scale to zero".
            .Int32(1, "replicas", Keep)
            .Message(2, "selector", Meta + "LabelSelector")
            .Message(3, "template", Core + "PodTemplateSpec")
            .Message(4, "strategy", Apps + "DeploymentStrategy")
            .Int32(5, "minReadySeconds")
            .Int32(6, "revisionHistoryLimit", Keep)
            .Bool(7, "paused")
            .Int32(9, "progressDeadlineSeconds", Keep);

        schema.Message(Apps + "DeploymentStatus")
            .Int64(1, "observedGeneration")
            .Int32(2, "replicas")
            .Int32(3, "updatedReplicas")
            .Int32(7, "readyReplicas")
            .Int32(4, "availableReplicas")
            .Int32(5, "unavailableReplicas")
            .Int32(9, "terminatingReplicas", Keep)
            .Messages(6, "conditions", Apps + "DeploymentCondition")
            .Int32(8, "collisionCount", Keep);

        schema.Message(Apps + "DeploymentStrategy")
            .String(1, "type")
            .Message(2, "rollingUpdate", Apps + "RollingUpdateDeployment");

        schema.Message(Apps + "ReplicaSet")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Apps + "ReplicaSetSpec")
            .Message(3, "status", Apps + "ReplicaSetStatus");

        schema.Message(Apps + "ReplicaSetCondition")
            .String(1, "type", Keep)
            .String(2, "status", Keep)
            .Time(3, "lastTransitionTime")
            .String(4, "reason")
            .String(5, "message");

        schema.Message(Apps + "ReplicaSetSpec")
            .Int32(1, "replicas", Keep)
            .Int32(4, "minReadySeconds")
            .Message(2, "selector", Meta + "LabelSelector")
            .Message(3, "template", Core + "PodTemplateSpec");

        schema.Message(Apps + "ReplicaSetStatus")
            .Int32(1, "replicas", Keep)
            .Int32(2, "fullyLabeledReplicas")
            .Int32(4, "readyReplicas")
            .Int32(5, "availableReplicas")
            .Int32(7, "terminatingReplicas", Keep)
            .Int64(3, "observedGeneration")
            .Messages(6, "conditions", Apps + "ReplicaSetCondition");

        schema.Message(Apps + "RollingUpdateDeployment")
            .IntOrString(1, "maxUnavailable")
            .IntOrString(2, "maxSurge");
    }
}
