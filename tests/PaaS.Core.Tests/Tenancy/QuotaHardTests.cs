using k8s.Models;
using PaaS.Core.Tenancy;

namespace PaaS.Core.Tests.Tenancy;

public sealed class QuotaHardTests
{
    [Fact]
    public void Parse_BareCpuAndMemory_NormalisedToRequests()
    {
        var hard = QuotaHard.Parse(new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new("2"), ["memory"] = new("1Gi"), ["pods"] = new("10"), ["limits.cpu"] = new("500m"),
        });

        Assert.Equal(2m, hard["requests.cpu"]);
        Assert.Equal(1073741824m, hard["requests.memory"]);
        Assert.Equal(10m, hard["pods"]);
        Assert.Equal(0.5m, hard["limits.cpu"]);
        Assert.False(hard.ContainsKey("cpu"));
        Assert.False(hard.ContainsKey("memory"));
    }

    [Fact]
    public void Parse_BothCpuForms_KeepsTheSmallerLimit()
    {
        var hard = QuotaHard.Parse(new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["requests.cpu"] = new("3") });

        Assert.Equal(1m, Assert.Single(hard).Value);
    }

    [Fact]
    public void Parse_Null_IsEmpty() => Assert.Empty(QuotaHard.Parse(null));

    [Theory]
    [InlineData("requests.cpu", "0.5", "500m")]
    [InlineData("limits.cpu", "2", "2")]
    [InlineData("requests.cpu", "0.3", "300m")]
    [InlineData("requests.memory", "134217728", "128Mi")]
    [InlineData("limits.memory", "1073741824", "1Gi")]
    [InlineData("requests.memory", "1610612736", "1536Mi")]
    [InlineData("requests.memory", "1000000000", "1000000000")]
    [InlineData("requests.memory", "1000", "1k")]
    [InlineData("requests.memory", "512", "512")]
    [InlineData("pods", "10", "10")]
    [InlineData("count/deployments.apps", "0", "0")]
    public void Format_CanonicalQuantity(string resource, string value, string expected) =>
        Assert.Equal(expected, QuotaHard.Format(resource, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Exceeded_OnlyExceededResourcesSortedWithKubernetesWording()
    {
        var requested = new Dictionary<string, decimal> { ["pods"] = 1, ["requests.cpu"] = 0.5m, ["requests.memory"] = 134217728 };
        var used = new Dictionary<string, decimal> { ["pods"] = 10, ["requests.cpu"] = 2, ["requests.memory"] = 0 };
        var limited = new Dictionary<string, decimal> { ["pods"] = 10, ["requests.cpu"] = 2, ["requests.memory"] = 1073741824 };

        var message = QuotaHard.Exceeded("compute", requested, used, limited);

        Assert.Equal(
            "exceeded quota: compute, requested: pods=1,requests.cpu=500m, used: pods=10,requests.cpu=2, limited: pods=10,requests.cpu=2",
            message);
    }

    [Fact]
    public void Exceeded_NoRecordedUse_ReadsAsZero()
    {
        var message = QuotaHard.Exceeded(
            "q",
            new Dictionary<string, decimal> { ["requests.memory"] = 2147483648 },
            new Dictionary<string, decimal>(),
            new Dictionary<string, decimal> { ["requests.memory"] = 1073741824 });

        Assert.Equal("exceeded quota: q, requested: requests.memory=2Gi, used: requests.memory=0, limited: requests.memory=1Gi", message);
    }

    [Fact]
    public void ExceededResources_ExactlyAtLimit_IsAllowed()
    {
        // 0.1 + 0.2 is exactly 0.3 in decimals; in doubles it would exceed a 300m limit.
        var exceeded = QuotaHard.ExceededResources(
            new Dictionary<string, decimal> { ["requests.cpu"] = 0.2m },
            new Dictionary<string, decimal> { ["requests.cpu"] = 0.1m },
            new Dictionary<string, decimal> { ["requests.cpu"] = 0.3m });

        Assert.Empty(exceeded);
    }

    [Fact]
    public void ExceededResources_UnconstrainedOrZeroRequests_Ignored()
    {
        var exceeded = QuotaHard.ExceededResources(
            new Dictionary<string, decimal> { ["services"] = 1, ["pods"] = 0 },
            new Dictionary<string, decimal> { ["pods"] = 5 },
            new Dictionary<string, decimal> { ["pods"] = 3 });

        Assert.Empty(exceeded);
    }

    [Fact]
    public void Exceeded_NothingExceeded_Throws() =>
        Assert.Throws<ArgumentException>(() => QuotaHard.Exceeded(
            "q",
            new Dictionary<string, decimal> { ["pods"] = 1 },
            new Dictionary<string, decimal>(),
            new Dictionary<string, decimal> { ["pods"] = 1 }));

    [Fact]
    public void ToQuantities_CanonicalStrings()
    {
        var quantities = QuotaHard.ToQuantities(new Dictionary<string, decimal>
        {
            ["requests.cpu"] = 1.5m, ["limits.memory"] = 268435456, ["count/pods"] = 3,
        });

        Assert.Equal("1500m", quantities["requests.cpu"].ToString());
        Assert.Equal("256Mi", quantities["limits.memory"].ToString());
        Assert.Equal("3", quantities["count/pods"].ToString());
    }
}
