using k8s.Models;
using PaaS.Core.Labels;

namespace PaaS.Core.Validation;

/// <summary>Deployment and ReplicaSet rules: a selector that selects the template, and a valid template.</summary>
internal static class WorkloadValidation
{
    private static readonly string[] Strategies = ["RollingUpdate", "Recreate"];
    private static readonly string[] AlwaysOnly = ["Always"];

    public static void ValidateDeployment(V1Deployment deployment, List<FieldError> errors)
    {
        var spec = deployment.Spec;
        if (spec is null)
        {
            errors.Add(FieldError.Required("spec"));
            return;
        }

        ValidateReplicated(spec.Replicas, spec.Selector, spec.Template, spec.MinReadySeconds, errors);
        if (spec.RevisionHistoryLimit is < 0)
        {
            errors.Add(FieldError.Invalid("spec.revisionHistoryLimit", spec.RevisionHistoryLimit, "must be greater than or equal to 0"));
        }

        if (spec.ProgressDeadlineSeconds is { } deadline && deadline <= (spec.MinReadySeconds ?? 0))
        {
            errors.Add(FieldError.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
        }

        if (spec.Strategy?.Type is { } type && !Strategies.Contains(type))
        {
            errors.Add(FieldError.NotSupported("spec.strategy.type", type, Strategies));
        }

        if (spec.Strategy?.Type == "Recreate" && spec.Strategy.RollingUpdate is not null)
        {
            errors.Add(FieldError.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
        }
    }

    public static void ValidateReplicaSet(V1ReplicaSet replicaSet, List<FieldError> errors)
    {
        if (replicaSet.Spec is not { } spec)
        {
            errors.Add(FieldError.Required("spec"));
            return;
        }

        ValidateReplicated(spec.Replicas, spec.Selector, spec.Template, spec.MinReadySeconds, errors);
    }

    private static void ValidateReplicated(int? replicas, V1LabelSelector? selector, V1PodTemplateSpec? template, int? minReadySeconds, List<FieldError> errors)
    {
        if (replicas is < 0)
        {
            errors.Add(FieldError.Invalid("spec.replicas", replicas, "must be greater than or equal to 0"));
        }

        if (minReadySeconds is < 0)
        {
            errors.Add(FieldError.Invalid("spec.minReadySeconds", minReadySeconds, "must be greater than or equal to 0"));
        }

        LabelSelector? parsed = null;
        if (selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0))
        {
            errors.Add(FieldError.Required("spec.selector"));
        }
        else
        {
            MetadataValidation.ValidateLabels(selector.MatchLabels, "spec.selector.matchLabels", errors);
            try
            {
                parsed = LabelSelector.FromModel(selector);
            }
            catch (FormatException e)
            {
                errors.Add(FieldError.Invalid("spec.selector", "", e.Message));
            }
        }

        if (template is null)
        {
            errors.Add(FieldError.Required("spec.template"));
            return;
        }

        MetadataValidation.ValidateLabels(template.Metadata?.Labels, "spec.template.metadata.labels", errors);
        if (parsed is not null && !parsed.Matches(template.Metadata?.Labels))
        {
            var labels = string.Join(",", (template.Metadata?.Labels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}"));
            errors.Add(new FieldError("spec.template.metadata.labels", FieldErrorType.Invalid, $"\"{labels}\"", "`selector` does not match template `labels`"));
        }

        PodSpecValidation.Validate(template.Spec, "spec.template.spec", errors);
        if (template.Spec?.RestartPolicy is { } restart && restart != "Always")
        {
            errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", restart, AlwaysOnly));
        }
    }
}
