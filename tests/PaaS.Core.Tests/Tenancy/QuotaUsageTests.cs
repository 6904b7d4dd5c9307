using k8s;
using k8s.Models;
using PaaS.Core.Resources;
using PaaS.Core.Tenancy;
using static PaaS.Core.Tests.Tenancy.TenancyFixture;

namespace PaaS.Core.Tests.Tenancy;

public sealed class QuotaUsageTests
{
    [Fact]
    public void Of_RunningPod_SumsContainersExactly()
    {
        var pod = PodWith("""
            {"name":"a","image":"i","resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"0.1","memory":"128Mi"}}},
            {"name":"b","image":"i","resources":{"requests":{"cpu":"200m","memory":"64Mi"},"limits":{"cpu":"0.2"}}}
            """);

        var usage = QuotaUsage.Of(ResourceTypes.Pod, pod);

        Assert.Equal(0.3m, usage["requests.cpu"]);
        Assert.Equal(0.3m, usage["limits.cpu"]);
        Assert.Equal(134217728m, usage["requests.memory"]);
        Assert.Equal(134217728m, usage["limits.memory"]);
        Assert.Equal(1m, usage["pods"]);
        Assert.Equal(1m, usage["count/pods"]);
        Assert.Equal(6, usage.Count);
    }

    [Fact]
    public void Of_InitContainerLargerThanSum_TakesTheInitPeak()
    {
        var pod = PodWith(
            """{"name":"app","image":"i","resources":{"requests":{"cpu":"500m","memory":"100Mi"}}}""",
            """ "initContainers":[{"name":"migrate","image":"i","resources":{"requests":{"cpu":"2","memory":"10Mi"}}}],""");

        var usage = QuotaUsage.Of(ResourceTypes.Pod, pod);

        // cpu: max(500m, 2) = 2; memory: max(100Mi, 10Mi) = 100Mi, per resource.
        Assert.Equal(2m, usage["requests.cpu"]);
        Assert.Equal(104857600m, usage["requests.memory"]);
    }

    [Fact]
    public void Of_SidecarInitContainer_AddsToContainersAndLaterInitSteps()
    {
        var pod = PodWith(
            """{"name":"app","image":"i","resources":{"requests":{"cpu":"1"}}}""",
            """
            "initContainers":[
              {"name":"proxy","image":"i","restartPolicy":"Always","resources":{"requests":{"cpu":"250m"}}},
              {"name":"migrate","image":"i","resources":{"requests":{"cpu":"1.5"}}}],
            """);

        var usage = QuotaUsage.Of(ResourceTypes.Pod, pod);

        // Regular: 1 + 250m sidecar = 1.25; init peak: migrate 1.5 + the sidecar already running = 1.75.
        Assert.Equal(1.75m, usage["requests.cpu"]);
    }

    [Fact]
    public void Of_PodOverhead_IsAdded()
    {
        var pod = PodWith(
            """{"name":"app","image":"i","resources":{"requests":{"cpu":"100m"},"limits":{"cpu":"200m"}}}""",
            """ "overhead":{"cpu":"50m"},""");

        var usage = QuotaUsage.Of(ResourceTypes.Pod, pod);

        Assert.Equal(0.15m, usage["requests.cpu"]);
        Assert.Equal(0.25m, usage["limits.cpu"]);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public void Of_TerminalPod_CountsOnlyAsObject(string phase)
    {
        var pod = PodWith("""{"name":"a","image":"i","resources":{"requests":{"cpu":"1"}}}""", phase: phase);

        var usage = QuotaUsage.Of(ResourceTypes.Pod, pod);

        Assert.Equal(new Dictionary<string, decimal> { ["count/pods"] = 1 }, usage);
    }

    [Fact]
    public void Of_PendingPodWithoutResources_CountsPodOnly()
    {
        var usage = QuotaUsage.Of(ResourceTypes.Pod, PodWith("""{"name":"a","image":"i"}""", phase: "Pending"));

        Assert.Equal(["count/pods", "pods"], usage.Keys.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> CountedKinds => new()
    {
        { "Service", "services" },
        { "Secret", "secrets" },
        { "ConfigMap", "configmaps" },
        { "ResourceQuota", "resourcequotas" },
    };

    [Theory]
    [MemberData(nameof(CountedKinds))]
    public void Of_CountedKind_HasNamedAndCountKeys(string kind, string key)
    {
        var type = ResourceTypes.FindByKind("v1", kind)!;
        var obj = (IKubernetesObject<V1ObjectMeta>)Activator.CreateInstance(type.ModelType)!;
        obj.Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "demo" };

        var usage = QuotaUsage.Of(type, obj);

        Assert.Equal(new Dictionary<string, decimal> { [key] = 1, ["count/" + key] = 1 }, usage);
    }

    [Fact]
    public void Of_Deployment_IsGroupQualifiedCount()
    {
        var usage = QuotaUsage.Of(ResourceTypes.Deployment, new V1Deployment { Metadata = new V1ObjectMeta { Name = "web" } });

        Assert.Equal(new Dictionary<string, decimal> { ["count/deployments.apps"] = 1 }, usage);
    }

    [Fact]
    public void MissingRequired_ListsResourcesAndContainersSorted()
    {
        var pod = PodWith(
            """
            {"name":"sidecar","image":"i","resources":{"requests":{"memory":"1Mi"}}},
            {"name":"app","image":"i","resources":{"requests":{"cpu":"1"}}}
            """,
            """ "initContainers":[{"name":"init","image":"i","resources":{"requests":{"memory":"1Mi"},"limits":{"cpu":"1"}}}],""");

        var message = QuotaUsage.MissingRequired(pod, ["limits.cpu", "memory", "pods", "count/pods"]);

        Assert.Equal("must specify limits.cpu for: app,sidecar; requests.memory for: app", message);
    }

    [Fact]
    public void MissingRequired_AllSpecifiedOrNoComputeConstraint_IsNull()
    {
        var pod = PodWith("""{"name":"app","image":"i","resources":{"requests":{"cpu":"0"},"limits":{"cpu":"1"}}}""");

        Assert.Null(QuotaUsage.MissingRequired(pod, ["requests.cpu", "limits.cpu"]));
        Assert.Null(QuotaUsage.MissingRequired(PodWith("""{"name":"app","image":"i"}"""), ["pods", "services"]));
    }

    [Fact]
    public void MissingRequired_BareCpu_IsReportedAsRequestsCpu()
    {
        var message = QuotaUsage.MissingRequired(PodWith("""{"name":"app","image":"i"}"""), ["cpu"]);

        Assert.Equal("must specify requests.cpu for: app", message);
    }
}
