using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("TRACE", true)]
    [InlineData("get", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    [InlineData("CONNECT", false)]
    public void IsIdempotent_FollowsRfc9110(string method, bool expected) => Assert.Equal(expected, RetryPolicy.IsIdempotent(method));

    [Theory]
    [InlineData(UpstreamFailure.ConnectFailed, 0, true)]
    [InlineData(UpstreamFailure.ResetOrEmptyReply, 0, true)]
    [InlineData(UpstreamFailure.None, 502, true)]
    [InlineData(UpstreamFailure.None, 503, true)]
    [InlineData(UpstreamFailure.None, 500, false)]
    [InlineData(UpstreamFailure.None, 504, false)]
    [InlineData(UpstreamFailure.None, 200, false)]
    [InlineData(UpstreamFailure.Timeout, 0, false)]
    [InlineData(UpstreamFailure.Other, 0, false)]
    public void IsRetryable_OnlyWhatAnotherEndpointMightNotHave(UpstreamFailure failure, int status, bool expected) =>
        Assert.Equal(expected, RetryPolicy.IsRetryable(failure, status));

    [Fact]
    public void ShouldRetry_TwoRetries_AllowsThreeAttemptsOfAGet()
    {
        var policy = new RetryPolicy(2);

        Assert.Equal(3, policy.MaxAttempts);
        Assert.True(policy.ShouldRetry("GET", 1, UpstreamFailure.None, 503));
        Assert.True(policy.ShouldRetry("GET", 2, UpstreamFailure.ConnectFailed, 0));
        Assert.False(policy.ShouldRetry("GET", 3, UpstreamFailure.ConnectFailed, 0));
    }

    [Fact]
    public void ShouldRetry_PostOrNoRetries_Never()
    {
        Assert.False(new RetryPolicy(5).ShouldRetry("POST", 1, UpstreamFailure.ConnectFailed, 0));
        Assert.False(new RetryPolicy(0).ShouldRetry("GET", 1, UpstreamFailure.ConnectFailed, 0));
    }
}
