using System.Text;

namespace PaaS.Core.Labels;

/// <summary>One clause of a label selector; a selector matches when all of its requirements do.</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Kubernetes' Requirement.Matches: a missing key fails Equals/In but satisfies NotEquals/NotIn.</summary>
    public bool Matches(IDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!labels.TryGetValue(Key, out var value))
        {
            return Operator is LabelOperator.NotEquals or LabelOperator.NotIn or LabelOperator.DoesNotExist;
        }

        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => Values.Contains(value),
            LabelOperator.NotEquals or LabelOperator.NotIn => !Values.Contains(value),
            LabelOperator.Exists => true,
            _ => false,
        };
    }

    // Value semantics for Values too; the generated equality would compare list references.
    public bool Equals(LabelRequirement? other) =>
        other is not null
        && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && Operator == other.Operator
        && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key, StringComparer.Ordinal);
        hash.Add(Operator);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The selector-string form Kubernetes prints, e.g. "tier in (backend,cache)" or "!canary".</summary>
    public override string ToString()
    {
        var sorted = string.Join(',', Values.Order(StringComparer.Ordinal));
        return Operator switch
        {
            LabelOperator.Equals => $"{Key}={sorted}",
            LabelOperator.NotEquals => $"{Key}!={sorted}",
            LabelOperator.In => new StringBuilder(Key).Append(" in (").Append(sorted).Append(')').ToString(),
            LabelOperator.NotIn => new StringBuilder(Key).Append(" notin (").Append(sorted).Append(')').ToString(),
            LabelOperator.DoesNotExist => "!" + Key,
            _ => Key,
        };
    }
}
