using PaaS.Core.Validation;

namespace PaaS.Core.Labels;

/// <summary>Kubernetes' NewRequirement: validates key, value count for the operator, and every value.</summary>
internal static class LabelRequirementFactory
{
    public static LabelRequirement Create(string key, LabelOperator op, string[] values)
    {
        var errors = new List<string>();
        if (KeyError(key, "key") is { } keyError)
        {
            errors.Add(keyError);
        }

        var countError = op switch
        {
            LabelOperator.In or LabelOperator.NotIn when values.Length == 0 =>
                "for 'in', 'notin' operators, values set can't be empty",
            LabelOperator.Equals or LabelOperator.NotEquals when values.Length != 1 =>
                "exact-match compatibility requires one single value",
            LabelOperator.Exists or LabelOperator.DoesNotExist when values.Length != 0 =>
                "values set must be empty for exists and does not exist",
            _ => null,
        };
        if (countError is not null)
        {
            errors.Add(FieldErrorText.InvalidList("values", values, countError));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var valueErrors = Names.ValidateLabelValue(values[i]);
            if (valueErrors.Count > 0)
            {
                errors.Add(FieldErrorText.Invalid($"values[{i}][{key}]", values[i], string.Join("; ", valueErrors)));
            }
        }

        return errors.Count == 0
            ? new LabelRequirement(key, op, Array.AsReadOnly(values))
            : throw new FormatException(FieldErrorText.Aggregate(errors));
    }

    /// <summary>Throws like the parser's validateLabelKey; a null path prints as Go's "&lt;nil&gt;".</summary>
    public static void ValidateKey(string key, string? fieldPath)
    {
        if (KeyError(key, fieldPath) is { } error)
        {
            throw new FormatException(error);
        }
    }

    private static string? KeyError(string key, string? fieldPath)
    {
        var errors = Names.ValidateQualifiedName(key);
        return errors.Count == 0 ? null : FieldErrorText.Invalid(fieldPath, key, string.Join("; ", errors));
    }
}
