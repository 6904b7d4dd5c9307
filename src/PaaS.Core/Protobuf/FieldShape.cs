namespace PaaS.Core.Protobuf;

/// <summary>How often a field occurs and where its JSON goes.</summary>
internal enum FieldShape
{
    /// <summary>At most one value: a JSON property.</summary>
    Single,

    /// <summary>Repeated: a JSON array, in wire order.</summary>
    Repeated,

    /// <summary>Repeated {1 key, 2 value} entries: a JSON object keyed by the entry keys.</summary>
    Map,

    /// <summary>
    /// A Go struct embedded with <c>json:",inline"</c> (VolumeSource in Volume, ProbeHandler in Probe): protobuf
    /// gives it its own field, but JSON merges its properties into the parent object.
    /// </summary>
    Inline,
}
