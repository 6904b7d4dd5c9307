using PaaS.Core.Tenancy;
using static PaaS.Core.Tests.Tenancy.TenancyFixture;

namespace PaaS.Core.Tests.Tenancy;

public sealed class LimitRangesTests
{
    [Fact]
    public void Admit_ContainerWithoutResources_GetsDefaultLimitAndRequest()
    {
        var pod = PodWith("""{"name":"app","image":"i"}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","default":{"cpu":"500m","memory":"256Mi"},"defaultRequest":{"cpu":"100m"}}""")]);

        Assert.Empty(errors);
        // memory has no defaultRequest, so it falls back to the default limit, as LimitRange defaulting does.
        Assert.Equal("""{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}""", ResourcesJson(pod.Spec.Containers[0]));
    }

    [Fact]
    public void Admit_FillsOnlyWhatIsMissing()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"memory":"64Mi"},"limits":{"cpu":"2"}}}""");

        LimitRanges.Admit(pod, [Range("""{"type":"Container","default":{"cpu":"500m","memory":"256Mi"},"defaultRequest":{"cpu":"100m","memory":"128Mi"}}""")]);

        // The explicit cpu limit makes the cpu request 2 (request = limit), not the range's 100m.
        Assert.Equal("""{"limits":{"cpu":"2","memory":"256Mi"},"requests":{"memory":"64Mi","cpu":"2"}}""", ResourcesJson(pod.Spec.Containers[0]));
    }

    [Fact]
    public void Admit_MaxOnly_DefaultsLimitAndRequestToMax()
    {
        var pod = PodWith("""{"name":"app","image":"i"}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","max":{"cpu":"1"}}""")]);

        Assert.Empty(errors);
        Assert.Equal("""{"limits":{"cpu":"1"},"requests":{"cpu":"1"}}""", ResourcesJson(pod.Spec.Containers[0]));
    }

    [Fact]
    public void Admit_PodTypeRange_DoesNotDefaultContainers()
    {
        var pod = PodWith("""{"name":"app","image":"i"}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Pod","max":{"cpu":"2"}}""")]);

        Assert.Equal(["maximum cpu usage per Pod is 2.  No limit is specified"], errors);
        Assert.Equal("{}", ResourcesJson(pod.Spec.Containers[0]));
    }

    [Fact]
    public void Admit_RequestBelowMin_KubernetesMessage()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"50m"}}}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","min":{"cpu":"100m"}}""")]);

        Assert.Equal(["minimum cpu usage per Container is 100m, but request is 50m"], errors);
    }

    [Fact]
    public void Admit_LimitAboveMax_KubernetesMessage()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"memory":"512Mi"},"limits":{"memory":"2Gi"}}}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","max":{"memory":"1Gi"}}""")]);

        Assert.Equal(["maximum memory usage per Container is 1Gi, but limit is 2Gi"], errors);
    }

    [Fact]
    public void Admit_ExactlyAtMinAndMax_IsAllowed()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"0.1"},"limits":{"cpu":"1000m"}}}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","min":{"cpu":"100m"},"max":{"cpu":"1"}}""")]);

        Assert.Empty(errors);
    }

    [Fact]
    public void Admit_LimitBelowMin_ReportsTheLimit()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"200m"},"limits":{"cpu":"200m"}}}""");
        pod.Spec.Containers[0].Resources.Limits["cpu"] = new k8s.Models.ResourceQuantity("50m");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","min":{"cpu":"100m"}}""")]);

        Assert.Equal(["minimum cpu usage per Container is 100m, but limit is 50m"], errors);
    }

    [Fact]
    public void Admit_MinWithoutRequestAndDefaultsPrevented_SaysNoRequest()
    {
        // A Pod-type min looks at the pod's summed requests; with none at all there is nothing to compare.
        var pod = PodWith("""{"name":"app","image":"i"}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Pod","min":{"memory":"1Mi"}}""")]);

        Assert.Equal(["minimum memory usage per Pod is 1Mi.  No request is specified"], errors);
    }

    [Fact]
    public void Admit_RatioAboveMax_PrintsRatioLikeGo()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"250m"},"limits":{"cpu":"1"}}}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","maxLimitRequestRatio":{"cpu":"2"}}""")]);

        Assert.Equal(["cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000"], errors);
    }

    [Fact]
    public void Admit_RatioExactlyAtMax_IsAllowed()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"1"}}}""");

        Assert.Empty(LimitRanges.Admit(pod, [Range("""{"type":"Container","maxLimitRequestRatio":{"cpu":"2"}}""")]));
    }

    [Fact]
    public void Admit_RatioWithoutLimit_SaysSo()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"memory":"64Mi"}}}""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","maxLimitRequestRatio":{"memory":"2"}}""")]);

        Assert.Equal(["memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0"], errors);
    }

    [Fact]
    public void Admit_PodMax_ComparesEffectivePodLimitWithInitContainers()
    {
        var pod = PodWith(
            """
            {"name":"a","image":"i","resources":{"limits":{"cpu":"600m"}}},
            {"name":"b","image":"i","resources":{"limits":{"cpu":"600m"}}}
            """,
            """ "initContainers":[{"name":"init","image":"i","resources":{"limits":{"cpu":"1"}}}],""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Pod","max":{"cpu":"1"}}""")]);

        // max(600m + 600m, 1) = 1200m exceeds 1; the requests (defaulted to the limits) do too, but the limit is reported first.
        Assert.Equal(["maximum cpu usage per Pod is 1, but limit is 1200m"], errors);
    }

    [Fact]
    public void Admit_InitContainers_CheckedPerContainerToo()
    {
        var pod = PodWith(
            """{"name":"app","image":"i","resources":{"limits":{"memory":"64Mi"}}}""",
            """ "initContainers":[{"name":"init","image":"i","resources":{"limits":{"memory":"2Gi"}}}],""");

        var errors = LimitRanges.Admit(pod, [Range("""{"type":"Container","max":{"memory":"1Gi"}}""")]);

        Assert.Equal(["maximum memory usage per Container is 1Gi, but limit is 2Gi"], errors);
    }

    [Fact]
    public void Admit_SeveralRanges_FirstDefaultWinsAndAllAreChecked()
    {
        var pod = PodWith("""{"name":"app","image":"i"}""");

        var errors = LimitRanges.Admit(pod,
        [
            Range("""{"type":"Container","default":{"cpu":"300m"},"defaultRequest":{"cpu":"300m"}}"""),
            Range("""{"type":"Container","default":{"cpu":"5"},"max":{"cpu":"200m"}}"""),
        ]);

        Assert.Equal("""{"limits":{"cpu":"300m"},"requests":{"cpu":"300m"}}""", ResourcesJson(pod.Spec.Containers[0]));
        // maxConstraint reports the limit and stops there, as in Kubernetes.
        Assert.Equal(["maximum cpu usage per Container is 200m, but limit is 300m"], errors);
    }

    [Fact]
    public void Admit_NoRanges_OnlyRequestFromLimit()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"limits":{"memory":"1Gi"}}}""");

        Assert.Empty(LimitRanges.Admit(pod, []));
        Assert.Equal("""{"limits":{"memory":"1Gi"},"requests":{"memory":"1Gi"}}""", ResourcesJson(pod.Spec.Containers[0]));
    }
}
