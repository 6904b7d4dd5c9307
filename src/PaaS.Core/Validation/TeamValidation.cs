using PaaS.Core.Tenancy;

namespace PaaS.Core.Validation;

/// <summary>Team rules: members with valid, unique user names and known roles, and a quota like a ResourceQuota's.</summary>
internal static class TeamValidation
{
    private static readonly string[] Roles = ["owner", "developer", "viewer"];

    public static void Validate(V1Team team, List<FieldError> errors)
    {
        var members = team.Spec?.Members ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var at = $"spec.members[{i}]";
            var member = members[i];
            if (member is null)
            {
                errors.Add(FieldError.Required(at));
                continue;
            }

            if (string.IsNullOrEmpty(member.Name))
            {
                errors.Add(FieldError.Required(at + ".name"));
            }
            else
            {
                errors.AddRange(Names.ValidateUserName(member.Name).Select(p => FieldError.Invalid(at + ".name", member.Name, p)));
                if (!names.Add(member.Name))
                {
                    errors.Add(FieldError.Duplicate(at + ".name", member.Name));
                }
            }

            if (string.IsNullOrEmpty(member.Role))
            {
                errors.Add(FieldError.Required(at + ".role", "supported values: " + string.Join(", ", Roles.Select(r => $"\"{r}\""))));
            }
            else if (!Roles.Contains(member.Role))
            {
                errors.Add(FieldError.NotSupported(at + ".role", member.Role, Roles));
            }
        }

        QuotaValidation.ValidateQuotaSpec(team.Spec?.Quota, "spec.quota", errors);
    }
}
