using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class ServiceGovernanceTests
{
    [Fact]
    public void Parse_NoGatewayAnnotations_IsNone()
    {
        Assert.Same(ServiceGovernance.None, ServiceGovernance.Parse(null).Governance);
        Assert.Same(ServiceGovernance.None, ServiceGovernance.Parse(new Dictionary<string, string> { ["team"] = "x" }).Governance);
    }

    [Fact]
    public void Parse_EveryAnnotation_ReadsEach()
    {
        var result = ServiceGovernance.Parse(new Dictionary<string, string>
        {
            ["gateway.paas.dev/rate-limit"] = "100/s burst 200",
            ["gateway.paas.dev/rate-limit-per-client"] = " 600/m ",
            ["gateway.paas.dev/retries"] = "3",
            ["gateway.paas.dev/timeout"] = "500ms",
            ["gateway.paas.dev/circuit-breaker"] = "5/30s",
            ["gateway.paas.dev/canary"] = "web-v2=10",
            ["unrelated.example.com/x"] = "anything",
        });

        Assert.True(result.IsValid);
        Assert.Equal(new ServiceGovernance(
            new RateLimit(100, TimeSpan.FromSeconds(1), 200),
            new RateLimit(600, TimeSpan.FromMinutes(1), 600),
            3,
            TimeSpan.FromMilliseconds(500),
            new CircuitBreakerPolicy(5, TimeSpan.FromSeconds(30)),
            new CanaryPolicy("web-v2", 10)), result.Governance);
        Assert.Equal(10, result.Governance!.RateLimitPerClient!.PerSecond);
    }

    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1ms", 1)]
    [InlineData("10m", 600_000)]
    public void Parse_Timeout_AcceptsEachUnit(string value, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Parse("timeout", value).Governance!.Timeout);

    [Theory]
    [InlineData("rate-limit", "10/x", "\"10/x\": not a rate; use <count>/s or <count>/m")]
    [InlineData("rate-limit", "10/s burst", "not a rate")]
    [InlineData("rate-limit", "10 /s", "not a rate")]
    [InlineData("rate-limit", "0/s", "the count and the burst must be between 1 and 1000000, inclusive")]
    [InlineData("rate-limit-per-client", "10/s burst 0", "the count and the burst must be between 1 and 1000000")]
    [InlineData("retries", "6", "\"6\": must be an integer between 0 and 5, inclusive")]
    [InlineData("retries", "-1", "must be an integer between 0 and 5")]
    [InlineData("timeout", "5", "not a duration; use <n>ms, <n>s or <n>m")]
    [InlineData("timeout", "1.5s", "not a duration")]
    [InlineData("timeout", "11m", "must be between 1ms and 10m, inclusive")]
    [InlineData("timeout", "0ms", "must be between 1ms and 10m, inclusive")]
    [InlineData("circuit-breaker", "5", "not a circuit breaker; use <consecutive failures>/<open duration>")]
    [InlineData("circuit-breaker", "0/30s", "the number of failures must be between 1 and 1000")]
    [InlineData("circuit-breaker", "5/30", "the open duration: not a duration")]
    [InlineData("canary", "web-v2", "not a canary; use <service>=<percent>")]
    [InlineData("canary", "web-v2=100", "the percent must be between 1 and 99, inclusive")]
    [InlineData("canary", "Web_V2=10", "the service name: a lowercase RFC 1123 label")]
    public void Parse_BadValue_NamesTheAnnotationAndTheProblem(string key, string value, string expected)
    {
        var result = Parse(key, value);

        Assert.Null(result.Governance);
        var error = Assert.Single(result.Errors).ToString();
        Assert.StartsWith($"metadata.annotations[gateway.paas.dev/{key}]: Invalid value: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownGatewayKey_IsRefusedListingTheKnownOnes()
    {
        var error = Assert.Single(Parse("retry", "3").Errors).ToString();
        Assert.StartsWith("metadata.annotations[gateway.paas.dev/retry]: Unsupported value: \"gateway.paas.dev/retry\": supported values: \"gateway.paas.dev/rate-limit\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBad_ReportsEveryOneInKeyOrder()
    {
        var result = ServiceGovernance.Parse(new Dictionary<string, string>
        {
            ["gateway.paas.dev/timeout"] = "soon",
            ["gateway.paas.dev/canary"] = "x",
            ["gateway.paas.dev/retries"] = "2",
        });
        Assert.Equal(["metadata.annotations[gateway.paas.dev/canary]", "metadata.annotations[gateway.paas.dev/timeout]"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void RateLimit_ToString_WritesTheGrammarBack()
    {
        Assert.Equal("100/s burst 200", Parse("rate-limit", "100/s  burst 200").Governance!.RateLimit!.ToString());
        Assert.Equal("600/m", Parse("rate-limit", "600/m").Governance!.RateLimit!.ToString());
    }

    private static GovernanceParseResult Parse(string key, string value) =>
        ServiceGovernance.Parse(new Dictionary<string, string> { ["gateway.paas.dev/" + key] = value });
}
