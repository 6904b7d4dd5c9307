using k8s.Models;
using PaaS.Controllers.Deployments;

namespace PaaS.Controllers.Tests.Deployments;

/// <summary>Cases from Kubernetes' TestScale (deployment/sync_test.go); its deployments default to maxSurge 0.</summary>
public class ProportionalScalingTests
{
    [Theory]
    [InlineData(5, 10, 0, 0, new[] { 3, 2 }, new[] { 6, 4 })]
    [InlineData(5, 3, 0, 0, new[] { 3, 2 }, new[] { 2, 1 })]
    [InlineData(9, 4, 0, 0, new[] { 1, 8 }, new[] { 0, 4 })]
    [InlineData(7, 10, 0, 0, new[] { 2, 3, 2 }, new[] { 3, 4, 3 })]
    [InlineData(13, 8, 0, 0, new[] { 3, 8, 2 }, new[] { 2, 5, 1 })]
    [InlineData(3, 4, 0, 0, new[] { 1, 1, 1 }, new[] { 1, 1, 2 })]
    [InlineData(3, 2, 0, 0, new[] { 1, 1, 1 }, new[] { 0, 1, 1 })]
    [InlineData(6, 0, 0, 0, new[] { 1, 2, 3 }, new[] { 0, 0, 0 })]
    [InlineData(10, 20, 2, 2, new[] { 6, 6 }, new[] { 11, 11 })]
    [InlineData(10, 50, 3, 6, new[] { 8, 5 }, new[] { 34, 22 })]
    public void Distribute_KubernetesCases(int oldReplicas, int newReplicas, int oldSurge, int newSurge, int[] sizesOldestFirst, int[] expectedOldestFirst)
    {
        var deployment = Objects.Deployment(newReplicas, maxSurge: newSurge.ToString(), maxUnavailable: "0");
        var replicaSets = sizesOldestFirst.Select((size, i) => SizedFor(Objects.ReplicaSet($"web-v{i}", size, Objects.T0.AddMinutes(i)), oldReplicas, oldReplicas + oldSurge)).ToList();

        var sizes = ProportionalScaling.Distribute(deployment, replicaSets);

        Assert.Equal(expectedOldestFirst, replicaSets.Select(rs => sizes.GetValueOrDefault(rs.Metadata.Name)));
    }

    [Fact]
    public void Fraction_WithoutAnnotation_FallsBackToStatusReplicas()
    {
        var deployment = Objects.Deployment(10, maxSurge: "0", maxUnavailable: "1");
        deployment.Status = new V1DeploymentStatus { Replicas = 5 };

        // Its share of 5 becomes its share of 10: 1 → 2, a fraction of +1.
        Assert.Equal(1, ProportionalScaling.Fraction(Objects.ReplicaSet("web-a", 1), deployment));
    }

    [Fact]
    public void Fraction_WithoutAnyBase_IsZero() =>
        Assert.Equal(0, ProportionalScaling.Fraction(Objects.ReplicaSet("web-a", 1), Objects.Deployment(10)));

    private static V1ReplicaSet SizedFor(V1ReplicaSet replicaSet, int desired, int max)
    {
        DeploymentAnnotations.SetReplicasAnnotations(replicaSet, desired, max);
        return replicaSet;
    }
}
