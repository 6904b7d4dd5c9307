using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// coordination.k8s.io/v1 Lease, used for leader election and node heartbeats.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCoordination(SchemaBuilder schema)
    {
        schema.Kind("coordination.k8s.io/v1", "Lease", Coordination + "Lease");

        schema.Message(Coordination + "Lease")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Coordination + "LeaseSpec");

        schema.Message(Coordination + "LeaseSpec")
            .String(1, "holderIdentity", Keep)
            .Int32(2, "leaseDurationSeconds", Keep)
            .MicroTime(3, "acquireTime")
            .MicroTime(4, "renewTime")
            .Int32(5, "leaseTransitions", Keep)
            .String(6, "strategy", Keep)
            .String(7, "preferredHolder", Keep);
    }
}
