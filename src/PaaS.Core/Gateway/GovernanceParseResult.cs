using PaaS.Core.Validation;

namespace PaaS.Core.Gateway;

/// <summary>What <see cref="ServiceGovernance.Parse"/> found: the policy, or every annotation that is wrong.</summary>
/// <param name="Governance">The policy; null exactly when there are errors.</param>
/// <param name="Errors">One per wrong annotation, naming it as <c>metadata.annotations[gateway.paas.dev/...]</c>.</param>
public sealed record GovernanceParseResult(ServiceGovernance? Governance, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
