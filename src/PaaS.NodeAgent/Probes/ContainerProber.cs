using k8s.Models;

namespace PaaS.NodeAgent.Probes;

/// <summary>
/// Drives the startup, liveness and readiness probes of one running container with Kubernetes' timing and
/// semantics. Each probe runs on its own schedule: first <c>initialDelaySeconds</c> after <see cref="Start"/>
/// (the container's start), then every <c>periodSeconds</c>. Until the startup probe has succeeded the other
/// two do not run. A result counts only after <c>successThreshold</c> / <c>failureThreshold</c> consecutive
/// equal results. When the liveness (or startup) probe fails <c>failureThreshold</c> times in a row,
/// <see cref="KillRequested"/> is raised and probing stops: the agent kills the container and, once it has
/// restarted it, probes the new container with a new prober. Disposing stops probing.
/// </summary>
public sealed class ContainerProber : IAsyncDisposable
{
    private readonly V1Container _container;
    private readonly Func<V1Probe, CancellationToken, Task<ProbeResult>> _runProbe;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _workers = [];
    private ContainerProbeStatus _status;
    private bool _stopped;

    /// <param name="runProbe">Runs one probe; usually <c>(probe, ct) =&gt; runner.RunAsync(probe, target, ct)</c>.</param>
    public ContainerProber(V1Container container, Func<V1Probe, CancellationToken, Task<ProbeResult>> runProbe, TimeProvider time)
    {
        _container = container;
        _runProbe = runProbe;
        _time = time;
        var started = container.StartupProbe is null;
        _status = new ContainerProbeStatus(started, started && container.ReadinessProbe is null, null);
    }

    public ContainerProbeStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    // Handlers of both events run on the probing worker: they should return quickly and must not throw
    // (an exception ends that probe's worker and surfaces from DisposeAsync).

    /// <summary>Raised when <see cref="ContainerProbeStatus.Started"/> or <see cref="ContainerProbeStatus.Ready"/> changes.</summary>
    public event Action<ContainerProbeStatus>? StatusChanged;

    /// <summary>Raised once, with the reason, when the container must be killed (and restarted by its policy).</summary>
    public event Action<string>? KillRequested;

    /// <summary>Starts probing; call it when the container has started (initial delays count from here).</summary>
    public void Start()
    {
        var containerStarted = _time.GetUtcNow();
        foreach (var (kind, probe) in new[] { (ProbeKind.Startup, _container.StartupProbe), (ProbeKind.Liveness, _container.LivenessProbe), (ProbeKind.Readiness, _container.ReadinessProbe) })
        {
            if (probe is not null)
            {
                _workers.Add(Task.Run(() => ProbeLoopAsync(kind, probe, containerStarted, _stop.Token)));
            }
        }
    }

    private async Task ProbeLoopAsync(ProbeKind kind, V1Probe probe, DateTimeOffset containerStarted, CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(probe.PeriodSeconds is > 0 and var p ? p : 10);
        // Liveness and startup must have successThreshold 1 (the API refuses others); 1 it is, whatever came.
        var successThreshold = kind == ProbeKind.Readiness && probe.SuccessThreshold is > 0 and var s ? s : 1;
        var failureThreshold = probe.FailureThreshold is > 0 and var f ? f : 3;
        var next = containerStarted + TimeSpan.FromSeconds(Math.Max(0, probe.InitialDelaySeconds ?? 0));
        var (lastSucceeded, run) = ((bool?)null, 0);
        while (!ct.IsCancellationRequested)
        {
            // A fixed schedule rather than "period after the last probe", like the kubelet's ticker: ticks
            // missed while a slow probe ran collapse into one, they are not run back to back.
            if (next - _time.GetUtcNow() is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, _time, ct);
            }

            next += period;
            while (next < _time.GetUtcNow())
            {
                next += period;
            }

            if (kind != ProbeKind.Startup && !Status.Started)
            {
                continue;
            }

            var result = await RunOneAsync(probe, ct);
            (lastSucceeded, run) = (result.Succeeded, result.Succeeded == lastSucceeded ? run + 1 : 1);
            if (!result.Succeeded)
            {
                Update(status => status with { LastFailure = $"{kind} probe failed: {result.Message}" });
            }

            if (run < (result.Succeeded ? successThreshold : failureThreshold))
            {
                continue;
            }

            switch (kind, result.Succeeded)
            {
                case (ProbeKind.Startup, true):
                    Update(status => status with { Started = true, Ready = _container.ReadinessProbe is null });
                    return;
                case (ProbeKind.Readiness, var ready):
                    Update(status => status with { Ready = ready });
                    break;
                case (ProbeKind.Startup or ProbeKind.Liveness, false):
                    RequestKill(kind, result.Message);
                    return;
            }
        }
    }

    private async Task<ProbeResult> RunOneAsync(V1Probe probe, CancellationToken ct)
    {
        try
        {
            return await _runProbe(probe, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return ProbeResult.Failure(e.Message);
        }
    }

    private void RequestKill(ProbeKind kind, string message)
    {
        // Nothing of this container is probed any more: it is about to die, and not ready meanwhile.
        if (Update(status => status with { Ready = false }, stopAfter: true))
        {
            _stop.Cancel();
            KillRequested?.Invoke($"Container {_container.Name} failed {kind.ToString().ToLowerInvariant()} probe, will be restarted: {message}");
        }
    }

    /// <returns>False when probing had stopped already: a probe that finished late changes nothing.</returns>
    private bool Update(Func<ContainerProbeStatus, ContainerProbeStatus> change, bool stopAfter = false)
    {
        ContainerProbeStatus before, after;
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            before = _status;
            after = _status = change(_status);
            _stopped = stopAfter;
        }

        if (before.Started != after.Started || before.Ready != after.Ready)
        {
            StatusChanged?.Invoke(after);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }
}
