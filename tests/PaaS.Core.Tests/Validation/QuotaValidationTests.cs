using PaaS.Core.Resources;
using static PaaS.Core.Tests.Validation.TenancyValidationFixture;

namespace PaaS.Core.Tests.Validation;

public sealed class QuotaValidationTests
{
    [Fact]
    public void ResourceQuota_StandardAndCountResources_Accepted() =>
        Assert.Empty(Errors(ResourceTypes.ResourceQuota, Quota(
            """{"pods":"10","cpu":"2","memory":"1Gi","requests.cpu":"500m","limits.memory":"2Gi","services":3,"secrets":"5","configmaps":"5","resourcequotas":"1","count/deployments.apps":"4","count/pods":"10"}""")));

    [Fact]
    public void ResourceQuota_FractionalCount_MustBeInteger() =>
        Assert.Equal(["spec.hard[pods]: Invalid value: \"1.5\": must be an integer"], Errors(ResourceTypes.ResourceQuota, Quota("""{"pods":"1.5"}""")));

    [Fact]
    public void ResourceQuota_FractionalCountOfKind_MustBeInteger() =>
        Assert.Equal(["spec.hard[count/deployments.apps]: Invalid value: \"500m\": must be an integer"],
            Errors(ResourceTypes.ResourceQuota, Quota("""{"count/deployments.apps":"500m"}""")));

    [Fact]
    public void ResourceQuota_FractionalCpu_Allowed() =>
        Assert.Empty(Errors(ResourceTypes.ResourceQuota, Quota("""{"requests.cpu":"1.5"}""")));

    [Fact]
    public void ResourceQuota_NegativeQuantity_Refused() =>
        Assert.Equal(["spec.hard[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0"], Errors(ResourceTypes.ResourceQuota, Quota("""{"memory":"-1Gi"}""")));

    [Fact]
    public void ResourceQuota_UnparseableQuantity_IsFieldError()
    {
        var error = Assert.Single(Errors(ResourceTypes.ResourceQuota, Quota("""{"cpu":"two"}""")));

        Assert.StartsWith("spec.hard[cpu]: Invalid value: \"two\": quantities must match the regular expression", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceQuota_UnknownResource_NotStandard() =>
        Assert.Equal(["spec.hard[gpus]: Invalid value: \"gpus\": must be a standard resource for quota"], Errors(ResourceTypes.ResourceQuota, Quota("""{"gpus":"1"}""")));

    [Fact]
    public void ResourceQuota_CountOfUnservedKind_Refused()
    {
        var error = Assert.Single(Errors(ResourceTypes.ResourceQuota, Quota("""{"count/widgets.example.com":"1"}""")));

        Assert.StartsWith("spec.hard[count/widgets.example.com]: Invalid value: \"count/widgets.example.com\": must be a standard resource for quota", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceQuota_Scopes_NotSupported()
    {
        var errors = Errors(ResourceTypes.ResourceQuota, """
            {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","namespace":"demo"},
             "spec":{"hard":{"pods":"1"},"scopes":["BestEffort"],"scopeSelector":{"matchExpressions":[{"scopeName":"PriorityClass","operator":"Exists"}]}}}
            """);

        Assert.Equal(
            [
                "spec.scopes: Forbidden: quota scopes are not supported: a quota applies to every object in its namespace",
                "spec.scopeSelector: Forbidden: quota scope selectors are not supported: a quota applies to every object in its namespace",
            ],
            errors);
    }

    [Fact]
    public void LimitRange_MinAboveMax_KubernetesMessage() =>
        Assert.Equal(["spec.limits[0].min[cpu]: Invalid value: \"2\": min value 2 is greater than max value 1"],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Pod","min":{"cpu":"2"},"max":{"cpu":"1"}}""")));

    [Fact]
    public void LimitRange_DefaultRequestAboveDefault_KubernetesMessage() =>
        Assert.Equal(["spec.limits[0].defaultRequest[memory]: Invalid value: \"512Mi\": default request value 512Mi is greater than default limit value 256Mi"],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","default":{"memory":"256Mi"},"defaultRequest":{"memory":"512Mi"}}""")));

    [Fact]
    public void LimitRange_DefaultAboveMaxAndBelowMin_KubernetesMessages()
    {
        Assert.Equal(["spec.limits[0].default[cpu]: Invalid value: \"1\": default value 2 is greater than max value 1"],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","max":{"cpu":"1"},"default":{"cpu":"2"},"defaultRequest":{"cpu":"1"}}""")));
        // Kubernetes quotes the min (not the default) as the invalid value here.
        Assert.Contains("spec.limits[0].default[cpu]: Invalid value: \"500m\": min value 500m is greater than default value 100m",
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","min":{"cpu":"500m"},"default":{"cpu":"100m"},"defaultRequest":{"cpu":"500m"}}""")));
    }

    [Fact]
    public void LimitRange_DefaultRequestOutsideMinMax_KubernetesMessages()
    {
        Assert.Equal(["spec.limits[0].defaultRequest[cpu]: Invalid value: \"50m\": min value 100m is greater than default request value 50m"],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","min":{"cpu":"100m"},"defaultRequest":{"cpu":"50m"},"default":{"cpu":"100m"}}""")));
        Assert.Equal(
            [
                "spec.limits[0].defaultRequest[cpu]: Invalid value: \"2\": default request value 2 is greater than max value 1",
                "spec.limits[0].defaultRequest[cpu]: Invalid value: \"2\": default request value 2 is greater than default limit value 1",
            ],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","max":{"cpu":"1"},"defaultRequest":{"cpu":"2"},"default":{"cpu":"1"}}""")));
    }

    [Fact]
    public void LimitRange_OrderedValues_Accepted() =>
        Assert.Empty(Errors(ResourceTypes.LimitRange, Range(
            """{"type":"Container","min":{"cpu":"100m"},"defaultRequest":{"cpu":"100m"},"default":{"cpu":"0.5"},"max":{"cpu":"500m"},"maxLimitRequestRatio":{"cpu":"5"}}""")));

    [Fact]
    public void LimitRange_DefaultsOnPodType_Forbidden()
    {
        var errors = Errors(ResourceTypes.LimitRange, Range("""{"type":"Pod","default":{"cpu":"1"},"defaultRequest":{"cpu":"1"}}"""));

        Assert.Equal(
            [
                "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
                "spec.limits[0].defaultRequest: Forbidden: may not be specified when `type` is 'Pod'",
            ],
            errors);
    }

    [Fact]
    public void LimitRange_UnknownType_Unsupported() =>
        Assert.Equal(["spec.limits[0].type: Unsupported value: \"Node\": supported values: \"Container\", \"Pod\""],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Node","max":{"cpu":"1"}}""")));

    [Fact]
    public void LimitRange_RatioBelowOne_Refused() =>
        Assert.Equal(["spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: \"500m\": ratio 500m is less than 1"],
            Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","maxLimitRequestRatio":{"cpu":"0.5"}}""")));

    [Fact]
    public void LimitRange_NegativeOrBadQuantity_NamesItemAndResource()
    {
        var errors = Errors(ResourceTypes.LimitRange, Range("""{"type":"Container","max":{"cpu":"-1"}},{"type":"Pod","min":{"memory":"lots"}}"""));

        Assert.Equal(2, errors.Count);
        Assert.Equal("spec.limits[0].max[cpu]: Invalid value: \"-1\": must be greater than or equal to 0", errors[0]);
        Assert.StartsWith("spec.limits[1].min[memory]: Invalid value: \"lots\": quantities must match", errors[1], StringComparison.Ordinal);
    }

    private static string Quota(string hard) =>
        $$"""{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","namespace":"demo"},"spec":{"hard":{{hard}} } }""";

    private static string Range(string limits) =>
        $$"""{"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"lr","namespace":"demo"},"spec":{"limits":[{{limits}}] } }""";
}
