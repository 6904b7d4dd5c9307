namespace PaaS.Core.Validation;

/// <summary>One invalid field, rendered the way Kubernetes renders it (<c>spec.replicas: Invalid value: -1: must be ...</c>).</summary>
/// <param name="Value">The offending value as Kubernetes prints it (strings quoted), or null when the kind of error has none.</param>
public sealed record FieldError(string Field, FieldErrorType Type, string? Value, string Detail)
{
    public static FieldError Required(string field, string detail = "") => new(field, FieldErrorType.Required, null, detail);

    public static FieldError Invalid(string field, object? value, string detail) => new(field, FieldErrorType.Invalid, Render(value), detail);

    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported) =>
        new(field, FieldErrorType.NotSupported, Render(value), "supported values: " + string.Join(", ", supported.Select(s => $"\"{s}\"")));

    public static FieldError Duplicate(string field, object? value) => new(field, FieldErrorType.Duplicate, Render(value), "");

    public static FieldError Forbidden(string field, string detail) => new(field, FieldErrorType.Forbidden, null, detail);

    /// <summary>field.TooLong: the value is left out of the message, as Kubernetes does for whole objects.</summary>
    public static FieldError TooLong(string field, int maxBytes) =>
        new(field, FieldErrorType.TooLong, null, $"must have at most {maxBytes} bytes");

    /// <summary>Kubernetes' <c>reason</c> for a Status cause.</summary>
    public string Reason => Type switch
    {
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        _ => "FieldValueInvalid",
    };

    /// <summary>The message without the field path, as in a Status cause.</summary>
    public string Message
    {
        get
        {
            var label = Type switch
            {
                FieldErrorType.Required => "Required value",
                FieldErrorType.NotSupported => "Unsupported value",
                FieldErrorType.Duplicate => "Duplicate value",
                FieldErrorType.Forbidden => "Forbidden",
                FieldErrorType.TooLong => "Too long",
                _ => "Invalid value",
            };
            var parts = new List<string> { label };
            if (Value is not null)
            {
                parts.Add(Value);
            }

            if (Detail.Length > 0)
            {
                parts.Add(Detail);
            }

            return string.Join(": ", parts);
        }
    }

    public override string ToString() => $"{Field}: {Message}";

    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
