namespace PaaS.Core.Patching;

/// <summary>The strategic-merge fields of one JSON object type; fields it does not list are <see cref="PatchField.Unknown"/>.</summary>
internal sealed class PatchSchema
{
    private readonly Dictionary<string, PatchField> _fields;

    public PatchSchema(params (string Name, PatchField Field)[] fields)
    {
        _fields = fields.ToDictionary(f => f.Name, f => f.Field, StringComparer.Ordinal);
    }

    public static PatchSchema Unknown { get; } = new();

    public IReadOnlyDictionary<string, PatchField> Fields => _fields;

    public PatchField this[string name] => _fields.GetValueOrDefault(name) ?? PatchField.Unknown;

    /// <summary>The field at a dotted path of field names (list items add no segment), e.g. <c>spec.template.spec.containers</c>.</summary>
    public PatchField Resolve(string path)
    {
        var field = PatchField.Nested(this);
        foreach (var name in path.Split('.'))
        {
            field = field.Schema[name];
        }

        return field;
    }
}
