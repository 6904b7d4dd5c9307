using k8s.Models;

namespace PaaS.Core.Labels;

/// <summary>Kubernetes' LabelSelectorAsSelector for a non-null <see cref="V1LabelSelector"/>.</summary>
internal static class LabelSelectorModel
{
    public static List<LabelRequirement> ToRequirements(V1LabelSelector selector)
    {
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(LabelRequirementFactory.Create(key, LabelOperator.Equals, [value ?? string.Empty]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            // Skipping a null entry would widen the selection, so it is rejected instead.
            if (expression is null)
            {
                throw new FormatException("matchExpressions must not contain null entries");
            }

            var op = expression.OperatorProperty switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                var other => throw new FormatException(
                    $"{FieldErrorText.GoQuote(other ?? string.Empty)} is not a valid label selector operator"),
            };
            requirements.Add(LabelRequirementFactory.Create(expression.Key ?? string.Empty, op, expression.Values?.ToArray() ?? []));
        }

        return requirements;
    }
}
