using k8s.Models;
using PaaS.Controllers.Deployments;

namespace PaaS.Controllers.Tests.Deployments;

public class PodTemplateHashTests
{
    [Fact]
    public void SafeEncode_MapsDecimalDigitsIntoTheSafeAlphabet() =>
        Assert.Equal("456789bcdf", PodTemplateHash.SafeEncode("0123456789"));

    [Fact]
    public void Compute_SameTemplate_SameHashRegardlessOfMapOrder()
    {
        var a = Objects.Template("web:1");
        a.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };
        var b = Objects.Template("web:1");
        b.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "front", ["app"] = "web" };

        Assert.Equal(PodTemplateHash.Compute(a, null), PodTemplateHash.Compute(b, null));
    }

    [Fact]
    public void Compute_IsStableAcrossRunsAndUsesOnlySafeCharacters()
    {
        var hash = PodTemplateHash.Compute(Objects.Template("web:1"), null);

        // Pinned: a changed value would rename every replica set after an upgrade and restart every deployment.
        Assert.Equal(hash, PodTemplateHash.Compute(Objects.Template("web:1"), null));
        Assert.All(hash, c => Assert.Contains(c, PodTemplateHash.SafeAlphabet));
        Assert.InRange(hash.Length, 1, 10);
    }

    [Fact]
    public void Compute_IgnoresTheHashLabelItself()
    {
        var labelled = Objects.Template("web:1");
        labelled.Metadata.Labels[PodTemplates.HashLabel] = "abc";

        Assert.Equal(PodTemplateHash.Compute(Objects.Template("web:1"), null), PodTemplateHash.Compute(labelled, null));
    }

    [Fact]
    public void Compute_DiffersByTemplateAndByCollisionCount()
    {
        var template = Objects.Template("web:1");
        var hashes = new[]
        {
            PodTemplateHash.Compute(template, null),
            PodTemplateHash.Compute(template, 0),
            PodTemplateHash.Compute(template, 1),
            PodTemplateHash.Compute(Objects.Template("web:2"), null),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void EqualIgnoreHash_IgnoresHashLabelAndEmptyCollections()
    {
        var withHash = Objects.Template("web:1");
        withHash.Metadata.Labels[PodTemplates.HashLabel] = "abc";
        withHash.Metadata.Annotations = new Dictionary<string, string>();
        withHash.Spec.Volumes = [];

        Assert.True(PodTemplates.EqualIgnoreHash(Objects.Template("web:1"), withHash));
        Assert.False(PodTemplates.EqualIgnoreHash(Objects.Template("web:1"), Objects.Template("web:2")));
    }

    [Fact]
    public void EqualIgnoreHash_ListOrderMatters()
    {
        var a = Objects.Template("web:1");
        a.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "proxy" });
        var b = Objects.Template("web:1");
        b.Spec.Containers.Insert(0, new V1Container { Name = "sidecar", Image = "proxy" });

        Assert.False(PodTemplates.EqualIgnoreHash(a, b));
    }

    [Fact]
    public void ReplicaSetName_IsDeploymentDashHash() =>
        Assert.Equal("web-5d59d67564", PodTemplateHash.ReplicaSetName("web", "5d59d67564"));
}
