using k8s.Models;
using PaaS.Controllers.Deployments;

namespace PaaS.Controllers.Tests.Deployments;

public class RolloutMathTests
{
    // Kubernetes' TestResolveFenceposts (deployment/util/deployment_util_test.go).
    [Theory]
    [InlineData("0%", "0%", 0, 0, 1)]
    [InlineData("39%", "39%", 10, 4, 3)]
    [InlineData(null, "39%", 10, 0, 3)]
    [InlineData("39%", null, 10, 4, 0)]
    [InlineData(null, null, 10, 0, 1)]
    [InlineData("25%", "25%", 3, 1, 0)]
    [InlineData("25%", "25%", 10, 3, 2)]
    [InlineData("0", "1", 10, 0, 1)]
    [InlineData("5", "0", 3, 5, 0)]
    public void ResolveFenceposts_KubernetesCases(string? maxSurge, string? maxUnavailable, int desired, int expectedSurge, int expectedUnavailable)
    {
        var resolved = RolloutMath.ResolveFenceposts(Value(maxSurge), Value(maxUnavailable), desired);

        Assert.Equal((expectedSurge, expectedUnavailable), resolved);
    }

    [Theory]
    [InlineData("oops", "39%")]
    [InlineData("55%", "urg")]
    public void ResolveFenceposts_NeitherIntegerNorPercent_Throws(string maxSurge, string maxUnavailable) =>
        Assert.Throws<FormatException>(() => RolloutMath.ResolveFenceposts(maxSurge, maxUnavailable, 10));

    // Kubernetes' TestMaxUnavailable.
    [Theory]
    [InlineData(10, "5", "5", "RollingUpdate", 5)]
    [InlineData(10, "5", "10", "RollingUpdate", 10)]
    [InlineData(5, "5", "10", "RollingUpdate", 5)]
    [InlineData(0, "5", "10", "RollingUpdate", 0)]
    [InlineData(10, "5", "5", "Recreate", 0)]
    [InlineData(10, "50%", "50%", "RollingUpdate", 5)]
    [InlineData(10, "50%", "100%", "RollingUpdate", 10)]
    [InlineData(5, "50%", "100%", "RollingUpdate", 5)]
    public void MaxUnavailable_KubernetesCases(int replicas, string maxSurge, string maxUnavailable, string strategy, int expected) =>
        Assert.Equal(expected, RolloutMath.MaxUnavailable(Objects.Deployment(replicas, maxSurge: maxSurge, maxUnavailable: maxUnavailable, strategy: strategy)));

    [Fact]
    public void MaxSurge_Recreate_IsZero() =>
        Assert.Equal(0, RolloutMath.MaxSurge(Objects.Deployment(10, strategy: RolloutMath.Recreate)));

    // Kubernetes' TestNewRSNewReplicas: the other replica sets hold 5 replicas.
    [Theory]
    [InlineData("RollingUpdate", 1, 5, "1", 5)]
    [InlineData("RollingUpdate", 6, 2, "10", 6)]
    [InlineData("Recreate", 3, 1, "1", 3)]
    public void NewReplicaSetReplicas_KubernetesCases(string strategy, int replicas, int newReplicas, string maxSurge, int expected)
    {
        var deployment = Objects.Deployment(replicas, maxSurge: maxSurge, maxUnavailable: "0", strategy: strategy);

        Assert.Equal(expected, RolloutMath.NewReplicaSetReplicas(deployment, allReplicaSetReplicas: 5, newReplicas));
    }

    // 3 replicas at 25%/25%: maxSurge 1, so at most 4 pods counting every replica set.
    [Theory]
    [InlineData(3, 0, 1)] // rollout starts: one surge pod
    [InlineData(4, 1, 1)] // at the surge limit: stays
    [InlineData(3, 1, 2)] // an old replica went: one more
    [InlineData(0, 0, 3)] // brand-new deployment: straight to replicas, never beyond
    [InlineData(2, 2, 3)]
    public void NewReplicaSetReplicas_StaysWithinSurgeAndReplicas(int total, int newReplicas, int expected) =>
        Assert.Equal(expected, RolloutMath.NewReplicaSetReplicas(Objects.Deployment(3, maxSurge: "25%", maxUnavailable: "25%"), total, newReplicas));

    // 3 replicas at 25%/25%: maxUnavailable 0, so 3 must stay available.
    [Theory]
    [InlineData(4, 1, 0, 0)] // the new pod is not available yet: counts as missing, nothing may go
    [InlineData(4, 1, 1, 1)]
    [InlineData(3, 0, 0, 0)]
    public void MaxOldScaleDown_CountsUnavailableNewReplicasAsMissing(int total, int newReplicas, int newAvailable, int expected) =>
        Assert.Equal(expected, RolloutMath.MaxOldScaleDown(Objects.Deployment(3, maxSurge: "25%", maxUnavailable: "25%"), total, newReplicas, newAvailable));

    [Fact]
    public void MaxOldScaleDown_NoSurgeOneUnavailable_AllowsOne() =>
        Assert.Equal(1, RolloutMath.MaxOldScaleDown(Objects.Deployment(10, maxSurge: "0", maxUnavailable: "1"), 10, 0, 0));

    [Theory]
    [InlineData("50%", 5, true, 3)]
    [InlineData("50%", 5, false, 2)]
    [InlineData("7", 5, false, 7)]
    [InlineData("0%", 5, true, 0)]
    public void ScaledValue_RoundsPercentages(string value, int total, bool roundUp, int expected) =>
        Assert.Equal(expected, RolloutMath.ScaledValue(value, total, roundUp));

    private static IntOrString? Value(string? text) => text is null ? null : (IntOrString)text;
}
