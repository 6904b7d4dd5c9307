using k8s.Models;
using PaaS.Core.Resources;

namespace PaaS.Core.Validation;

/// <summary>Rules every object's metadata obeys, whatever its kind.</summary>
internal static class MetadataValidation
{
    public static void Validate(ResourceType type, V1ObjectMeta? metadata, List<FieldError> errors)
    {
        if (metadata is null)
        {
            errors.Add(FieldError.Required("metadata"));
            return;
        }

        if (string.IsNullOrEmpty(metadata.Name))
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            var problems = type.NameIsLabel ? Names.ValidateDns1123Label(metadata.Name) : Names.ValidateDns1123Subdomain(metadata.Name);
            errors.AddRange(problems.Select(p => FieldError.Invalid("metadata.name", metadata.Name, p)));
        }

        ValidateLabels(metadata.Labels, "metadata.labels", errors);
        foreach (var key in metadata.Annotations?.Keys ?? [])
        {
            errors.AddRange(Names.ValidateQualifiedName(key).Select(p => FieldError.Invalid("metadata.annotations", key, p)));
        }

        var owners = metadata.OwnerReferences ?? [];
        for (var i = 0; i < owners.Count; i++)
        {
            var path = $"metadata.ownerReferences[{i}]";
            if (string.IsNullOrEmpty(owners[i].ApiVersion))
            {
                errors.Add(FieldError.Invalid(path + ".apiVersion", owners[i].ApiVersion ?? "", "version must not be empty"));
            }

            if (string.IsNullOrEmpty(owners[i].Kind))
            {
                errors.Add(FieldError.Invalid(path + ".kind", owners[i].Kind ?? "", "kind must not be empty"));
            }

            if (string.IsNullOrEmpty(owners[i].Name))
            {
                errors.Add(FieldError.Invalid(path + ".name", owners[i].Name ?? "", "name must not be empty"));
            }

            if (string.IsNullOrEmpty(owners[i].Uid))
            {
                errors.Add(FieldError.Invalid(path + ".uid", owners[i].Uid ?? "", "uid must not be empty"));
            }
        }

        if (owners.Count(o => o.Controller == true) > 1)
        {
            errors.Add(FieldError.Invalid("metadata.ownerReferences", owners.Count, "Only one reference can have Controller set to true"));
        }
    }

    public static void ValidateLabels(IDictionary<string, string>? labels, string path, List<FieldError> errors)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            errors.AddRange(Names.ValidateQualifiedName(key).Select(p => FieldError.Invalid(path, key, p)));
            errors.AddRange(Names.ValidateLabelValue(value ?? "").Select(p => FieldError.Invalid(path, value, p)));
        }
    }
}
