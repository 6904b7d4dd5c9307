namespace PaaS.Core.Labels;

/// <summary>
/// How a <see cref="LabelRequirement"/> relates a key to its values. "==" parses to <see cref="Equals"/>;
/// Kubernetes' numeric gt/lt operators are not supported.
/// </summary>
public enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
