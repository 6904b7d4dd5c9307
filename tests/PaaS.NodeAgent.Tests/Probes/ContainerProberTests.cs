using System.Collections.Concurrent;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using PaaS.NodeAgent.Probes;

namespace PaaS.NodeAgent.Tests.Probes;

/// <summary>
/// The prober's timing and thresholds, on a fake clock with scripted probe results. Each worker keeps a
/// fixed schedule, so whether it wakes before or after the clock moves, it runs the same probes in order.
/// </summary>
public sealed class ContainerProberTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DateTimeOffset _start;
    private readonly ConcurrentQueue<(ProbeKind Kind, TimeSpan At)> _calls = new();
    private readonly ConcurrentDictionary<ProbeKind, ConcurrentQueue<bool>> _scripts = new();
    private readonly ConcurrentQueue<(ContainerProbeStatus Status, int ReadinessCalls)> _changes = new();
    private readonly ConcurrentQueue<string> _kills = new();

    public ContainerProberTests() => _start = _time.GetUtcNow();

    private static V1Probe Probe(int failureThreshold = 3, int successThreshold = 1, int initialDelay = 0) =>
        new() { Exec = new V1ExecAction { Command = ["true"] }, PeriodSeconds = 1, FailureThreshold = failureThreshold, SuccessThreshold = successThreshold, InitialDelaySeconds = initialDelay };

    [Fact]
    public async Task WithoutProbes_TheContainerIsStartedAndReadyAtOnce()
    {
        await using var prober = Prober(new V1Container { Name = "app" });

        Assert.Equal(new ContainerProbeStatus(true, true, null), prober.Status);
    }

    [Fact]
    public async Task StartupProbe_GatesLivenessAndReadiness_UntilItHasSucceeded()
    {
        var container = new V1Container { Name = "app", StartupProbe = Probe(failureThreshold: 5), LivenessProbe = Probe(), ReadinessProbe = Probe() };
        Script(ProbeKind.Startup, false, false, true);
        Script(ProbeKind.Liveness, true);
        Script(ProbeKind.Readiness, true);
        await using var prober = Prober(container);
        Assert.Equal(new ContainerProbeStatus(false, false, null), prober.Status);

        prober.Start();
        await AdvanceUntilAsync(() => prober.Status.Ready);

        var startups = Calls(ProbeKind.Startup);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], startups);
        Assert.All(Calls(ProbeKind.Liveness).Concat(Calls(ProbeKind.Readiness)), at => Assert.True(at >= startups[^1]));
        Assert.Equal([(true, false), (true, true)], _changes.Select(c => (c.Status.Started, c.Status.Ready)));
        Assert.Equal("Startup probe failed: scripted failure", prober.Status.LastFailure);
    }

    [Fact]
    public async Task Readiness_ChangesOnlyAfterThresholdsOfConsecutiveResults()
    {
        var container = new V1Container { Name = "app", ReadinessProbe = Probe(failureThreshold: 2, successThreshold: 2) };
        Script(ProbeKind.Readiness, true, false, true, true, false, true, false, false, true);
        await using var prober = Prober(container);
        Assert.False(prober.Status.Ready);

        prober.Start();
        await AdvanceUntilAsync(() => _changes.Count == 3);

        // Ready after calls 3-4 (two successes), not ready after 7-8 (two failures), ready after 9-10.
        Assert.Equal([(true, 4), (false, 8), (true, 10)], _changes.Select(c => (c.Status.Ready, c.ReadinessCalls)));
    }

    [Fact]
    public async Task Liveness_AfterFailureThresholdConsecutiveFailures_RequestsOneKillAndStopsProbing()
    {
        var container = new V1Container { Name = "app", LivenessProbe = Probe(failureThreshold: 3) };
        Script(ProbeKind.Liveness, false, false, true, false, false, false, true);
        await using var prober = Prober(container);

        prober.Start();
        await AdvanceUntilAsync(() => !_kills.IsEmpty);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        // The success in call 3 reset the count: the kill comes with call 6, and nothing is probed after it.
        Assert.Equal(6, Calls(ProbeKind.Liveness).Count);
        Assert.Equal("Container app failed liveness probe, will be restarted: scripted failure", Assert.Single(_kills));
        Assert.False(prober.Status.Ready);
    }

    [Fact]
    public async Task StartupProbe_FailingFailureThresholdTimes_RequestsAKill()
    {
        var container = new V1Container { Name = "app", StartupProbe = Probe(failureThreshold: 2), LivenessProbe = Probe() };
        Script(ProbeKind.Startup, false);
        Script(ProbeKind.Liveness, true);
        await using var prober = Prober(container);

        prober.Start();
        await AdvanceUntilAsync(() => !_kills.IsEmpty);

        Assert.Equal("Container app failed startup probe, will be restarted: scripted failure", Assert.Single(_kills));
        Assert.Equal(2, Calls(ProbeKind.Startup).Count);
        Assert.Empty(Calls(ProbeKind.Liveness));
        Assert.False(prober.Status.Started);
    }

    [Fact]
    public async Task InitialDelay_PostponesTheFirstProbe()
    {
        var container = new V1Container { Name = "app", ReadinessProbe = Probe(initialDelay: 3) };
        Script(ProbeKind.Readiness, true);
        await using var prober = Prober(container);

        prober.Start();
        await AdvanceUntilAsync(() => prober.Status.Ready);

        Assert.Equal(TimeSpan.FromSeconds(3), Calls(ProbeKind.Readiness)[0]);
    }

    private ContainerProber Prober(V1Container container)
    {
        var prober = new ContainerProber(container, (probe, _) => Task.FromResult(Run(container, probe)), _time);
        prober.StatusChanged += status => _changes.Enqueue((status, Calls(ProbeKind.Readiness).Count));
        prober.KillRequested += _kills.Enqueue;
        return prober;
    }

    private ProbeResult Run(V1Container container, V1Probe probe)
    {
        var kind = probe == container.StartupProbe ? ProbeKind.Startup : probe == container.LivenessProbe ? ProbeKind.Liveness : ProbeKind.Readiness;
        _calls.Enqueue((kind, _time.GetUtcNow() - _start));
        var script = _scripts[kind];
        // The script's last result repeats once the rest is used up.
        var succeeded = script.Count > 1 && script.TryDequeue(out var next) ? next : script.TryPeek(out var last) && last;
        return succeeded ? ProbeResult.Success("scripted success") : ProbeResult.Failure("scripted failure");
    }

    private void Script(ProbeKind kind, params bool[] results) => _scripts[kind] = new ConcurrentQueue<bool>(results);

    private List<TimeSpan> Calls(ProbeKind kind) => [.. _calls.Where(c => c.Kind == kind).Select(c => c.At)];

    /// <summary>Moves the fake clock a second at a time, giving the workers a real moment after each step.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done, int maxSeconds = 30)
    {
        for (var second = 0; second <= maxSeconds; second++)
        {
            for (var wait = 0; wait < 10 && !done(); wait++)
            {
                await Task.Delay(5);
            }

            if (done())
            {
                return;
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"not done after {maxSeconds} fake seconds");
    }
}
