namespace PaaS.Core.Protobuf;

/// <summary>
/// The table that drives decoding: every message a supported kind can contain, by field number, split into one
/// file per API group. It covers each message completely, so a real client's object never meets an "unknown field".
/// </summary>
/// <remarks>
/// The field numbers are facts of the wire format, read from the message descriptors compiled into kubectl
/// 1.32/1.33 and checked against bodies kubectl really sent; which scalars keep their zero value comes from the
/// Go struct tags compiled into the same binary. No Kubernetes .proto file is copied.
/// Message names follow Kubernetes' OpenAPI definitions (<c>io.k8s.api.core.v1.Container</c>) because that is
/// the name a Kubernetes user recognises in an error message.
/// </remarks>
internal static partial class ProtobufSchema
{
    private const string Meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private const string Core = "io.k8s.api.core.v1.";
    private const string Apps = "io.k8s.api.apps.v1.";
    private const string Coordination = "io.k8s.api.coordination.v1.";
    private const string Authorization = "io.k8s.api.authorization.v1.";

    private static readonly CompiledSchema Compiled = Build();

    public static CompiledSchema Schema => Compiled;

    private static CompiledSchema Build()
    {
        var schema = new SchemaBuilder();
        AddMeta(schema);
        AddCore(schema);
        AddCoreNode(schema);
        AddCorePod(schema);
        AddCorePodStatus(schema);
        AddCoreContainer(schema);
        AddCoreVolumes(schema);
        AddApps(schema);
        AddCoordination(schema);
        AddAuthorization(schema);
        return schema.Build();
    }
}
