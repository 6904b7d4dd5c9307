using Microsoft.Extensions.Time.Testing;
using PaaS.Core.Gateway;

namespace PaaS.Core.Tests.Gateway;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests() => _breaker = new CircuitBreaker(new CircuitBreakerPolicy(3, TimeSpan.FromSeconds(30)), _time);

    [Fact]
    public void Report_ConsecutiveFailuresBelowThreshold_StaysClosed()
    {
        Fail(2);
        Succeed();
        Fail(2); // the success reset the count

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Report_ThresholdReached_OpensAndFailsFastForTheDuration()
    {
        Fail(3);

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryEnter());
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_breaker.TryEnter());
    }

    [Fact]
    public void TryEnter_AfterTheDuration_AdmitsExactlyOneTrial()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_breaker.TryEnter());
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        Assert.False(_breaker.TryEnter());
        Assert.False(_breaker.TryEnter());
    }

    [Fact]
    public void Report_TrialSucceeds_Closes()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_breaker.TryEnter());

        _breaker.Report(success: true);

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryEnter());
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Report_TrialFails_ReopensForAnotherFullDuration()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_breaker.TryEnter());

        _breaker.Report(success: false);

        Assert.Equal(CircuitState.Open, _breaker.State);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_breaker.TryEnter());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Report_LateReportsWhileOpen_AreIgnored()
    {
        Fail(3);
        _breaker.Report(success: true); // a request admitted before the circuit opened

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryEnter());
    }

    [Fact]
    public void TryEnter_TrialNeverReported_AdmitsAnotherAfterTheDuration()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(_breaker.TryEnter()); // its caller never reports

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_breaker.TryEnter());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_breaker.TryEnter());
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(_breaker.TryEnter());
            _breaker.Report(success: false);
        }
    }

    private void Succeed()
    {
        Assert.True(_breaker.TryEnter());
        _breaker.Report(success: true);
    }
}
