using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// authorization.k8s.io/v1 SelfSubjectAccessReview, which `kubectl auth can-i` posts.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddAuthorization(SchemaBuilder schema)
    {
        schema.Kind("authorization.k8s.io/v1", "SelfSubjectAccessReview", Authorization + "SelfSubjectAccessReview");

        schema.Message(Authorization + "FieldSelectorAttributes")
            .String(1, "rawSelector")
            .Messages(2, "requirements", Meta + "FieldSelectorRequirement");

        schema.Message(Authorization + "LabelSelectorAttributes")
            .String(1, "rawSelector")
            .Messages(2, "requirements", Meta + "LabelSelectorRequirement");

        schema.Message(Authorization + "NonResourceAttributes")
            .String(1, "path")
            .String(2, "verb");

        schema.Message(Authorization + "ResourceAttributes")
            .String(1, "namespace")
            .String(2, "verb")
            .String(3, "group")
            .String(4, "version")
            .String(5, "resource")
            .String(6, "subresource")
            .String(7, "name")
            .Message(8, "fieldSelector", Authorization + "FieldSelectorAttributes")
            .Message(9, "labelSelector", Authorization + "LabelSelectorAttributes");

        schema.Message(Authorization + "SelfSubjectAccessReview")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Authorization + "SelfSubjectAccessReviewSpec")
            .Message(3, "status", Authorization + "SubjectAccessReviewStatus");

        schema.Message(Authorization + "SelfSubjectAccessReviewSpec")
            .Message(1, "resourceAttributes", Authorization + "ResourceAttributes")
            .Message(2, "nonResourceAttributes", Authorization + "NonResourceAttributes");

        schema.Message(Authorization + "SubjectAccessReviewStatus")
            .Bool(1, "allowed", Keep)
            .Bool(4, "denied")
            .String(2, "reason")
            .String(3, "evaluationError");
    }
}
