using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// meta/v1: object metadata and label selectors, shared by every kind.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddMeta(SchemaBuilder schema)
    {
        schema.Message(Meta + "Condition")
            .String(1, "type", Keep)
            .String(2, "status", Keep)
            .Int64(3, "observedGeneration")
            .Time(4, "lastTransitionTime")
            .String(5, "reason", Keep)
            .String(6, "message", Keep);

        schema.Message(Meta + "FieldSelectorRequirement")
            .String(1, "key", Keep)
            .String(2, "operator", Keep)
            .Strings(3, "values");

        schema.Message(Meta + "LabelSelector")
            .StringMap(1, "matchLabels")
            .Messages(2, "matchExpressions", Meta + "LabelSelectorRequirement");

        schema.Message(Meta + "LabelSelectorRequirement")
            .String(1, "key", Keep)
            .String(2, "operator", Keep)
            .Strings(3, "values");

        schema.Message(Meta + "ManagedFieldsEntry")
            .String(1, "manager")
            .String(2, "operation")
            .String(3, "apiVersion")
            .Time(4, "time")
            .String(6, "fieldsType")
            // FieldsV1 carries JSON text; it goes into the JSON as that object, not as base64.
            .RawJson(7, "fieldsV1")
            .String(8, "subresource");

        schema.Message(Meta + "ObjectMeta")
            .String(1, "name")
            .String(2, "generateName")
            .String(3, "namespace")
            .String(4, "selfLink")
            .String(5, "uid")
            .String(6, "resourceVersion")
            .Int64(7, "generation")
            // Sent as an empty message when unset; the decoder leaves it out (Go writes null).
            .Time(8, "creationTimestamp")
            .Time(9, "deletionTimestamp")
            .Int64(10, "deletionGracePeriodSeconds", Keep)
            .StringMap(11, "labels")
            .StringMap(12, "annotations")
            .Messages(13, "ownerReferences", Meta + "OwnerReference")
            .Strings(14, "finalizers")
            .Messages(17, "managedFields", Meta + "ManagedFieldsEntry");

        schema.Message(Meta + "OwnerReference")
            .String(5, "apiVersion", Keep)
            .String(1, "kind", Keep)
            .String(3, "name", Keep)
            .String(4, "uid", Keep)
            .Bool(6, "controller", Keep)
            .Bool(7, "blockOwnerDeletion", Keep);
    }
}
