using System.Collections.ObjectModel;
using k8s.Models;

namespace PaaS.Core.Labels;

/// <summary>
/// A parsed Kubernetes label selector (k8s.io/apimachinery/pkg/labels), from the <c>?labelSelector=</c>
/// string form or from a <see cref="V1LabelSelector"/> in an object's spec.
/// </summary>
public sealed class LabelSelector
{
    private readonly bool selectsNothing;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements, bool selectsNothing)
    {
        Requirements = requirements;
        this.selectsNothing = selectsNothing;
    }

    /// <summary>Matches every object (the empty selector).</summary>
    public static LabelSelector Everything { get; } = new(ReadOnlyCollection<LabelRequirement>.Empty, selectsNothing: false);

    /// <summary>Matches no object; what a null <see cref="V1LabelSelector"/> means in Kubernetes.</summary>
    public static LabelSelector Nothing { get; } = new(ReadOnlyCollection<LabelRequirement>.Empty, selectsNothing: true);

    /// <summary>The requirements, sorted by key like Kubernetes does; all must match.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector does not restrict anything (false for <see cref="Nothing"/>).</summary>
    public bool IsEmpty => !selectsNothing && Requirements.Count == 0;

    /// <summary>Parses the string form; null or blank selects everything.</summary>
    /// <exception cref="FormatException">With Kubernetes' parser message, e.g. "unable to parse requirement: ...".</exception>
    public static LabelSelector Parse(string? selector) =>
        FromRequirements(LabelSelectorParser.Parse(selector ?? string.Empty));

    /// <summary>
    /// Kubernetes' LabelSelectorAsSelector: null selects nothing, an empty selector selects everything,
    /// otherwise matchLabels and matchExpressions are ANDed.
    /// </summary>
    /// <exception cref="FormatException">For an unknown operator, wrong value counts, or invalid keys and values.</exception>
    public static LabelSelector FromModel(V1LabelSelector? selector) =>
        selector is null ? Nothing : FromRequirements(LabelSelectorModel.ToRequirements(selector));

    /// <summary>Null labels are treated as no labels.</summary>
    public bool Matches(IDictionary<string, string>? labels)
    {
        if (selectsNothing)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(',', Requirements);

    private static LabelSelector FromRequirements(List<LabelRequirement> requirements) =>
        requirements.Count == 0
            ? Everything
            : new LabelSelector(requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToList().AsReadOnly(), selectsNothing: false);
}
