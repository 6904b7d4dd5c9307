namespace PaaS.Core.Protobuf;

/// <summary>
/// What Go's JSON encoder does with a scalar field's zero value. gogo-protobuf writes every non-pointer field,
/// zero or not, so the wire alone cannot tell "0" from "unset"; the Go struct can, and this records it.
/// </summary>
internal enum ZeroValue
{
    /// <summary>A non-pointer field tagged <c>omitempty</c>: "", 0 and false are left out, as in Go's JSON.</summary>
    Omit,

    /// <summary>
    /// A pointer field (on the wire only when set, so a 0 there is a real 0, like <c>replicas: 0</c>) or a field
    /// without <c>omitempty</c>: the value is written even when it is zero or empty.
    /// </summary>
    Keep,
}
