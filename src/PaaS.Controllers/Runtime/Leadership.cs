using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace PaaS.Controllers.Runtime;

/// <summary>
/// Leader election on a Lease in <c>kube-system</c>, as kube-controller-manager and kube-scheduler do it
/// (KubernetesClient's elector: compare-and-swap on the Lease's resourceVersion; lease 15 s, renew
/// deadline 10 s, retry 2 s). Only the leader's work runs; when leadership is lost the work is cancelled
/// and this instance competes again.
/// </summary>
public sealed partial class Leadership(IKubernetes api, string leaseName, ILogger logger, FencingToken? fencing = null)
{
    public const string LeaseNamespace = "kube-system";

    /// <summary>This instance's identity in the Lease (the fencing token's, when there is one).</summary>
    public string Identity { get; } = (fencing ?? new FencingToken(leaseName)).Identity;

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var config = new LeaderElectionConfig(new LeaseLock(api, LeaseNamespace, leaseName, Identity))
            {
                LeaseDuration = TimeSpan.FromSeconds(15),
                RenewDeadline = TimeSpan.FromSeconds(10),
                RetryPeriod = TimeSpan.FromSeconds(2),
            };
            using var elector = new LeaderElector(config);
            using var term = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Task work = Task.CompletedTask;
            elector.OnStartedLeading += () =>
            {
                LogLeading(logger, leaseName, Identity);
                work = Task.Run(async () =>
                {
                    if (fencing is not null)
                    {
                        // The token names this term: holder and transition count as the Lease records them now.
                        var lease = await api.CoordinationV1.ReadNamespacedLeaseAsync(leaseName, LeaseNamespace, cancellationToken: term.Token);
                        fencing.Value = $"{LeaseNamespace}/{leaseName}/{Identity}/{lease.Spec.LeaseTransitions ?? 0}";
                    }

                    await whileLeading(term.Token);
                }, CancellationToken.None);
            };
            elector.OnStoppedLeading += () =>
            {
                if (fencing is not null)
                {
                    fencing.Value = null;
                }

                term.Cancel();
            };
            try
            {
                await elector.RunUntilLeadershipLostAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException)
            {
                // The API server is not reachable (yet): not leading; try again shortly.
                LogElectionFailed(logger, e, leaseName);
                await term.CancelAsync();
                await work.ContinueWith(_ => { }, TaskScheduler.Default);
                await Task.Delay(config.RetryPeriod, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            await term.CancelAsync();
            await work.ContinueWith(_ => { }, TaskScheduler.Default);
            if (!ct.IsCancellationRequested)
            {
                LogLost(logger, leaseName, Identity);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election for {Lease} could not reach the API server; retrying")]
    private static partial void LogElectionFailed(ILogger logger, Exception e, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leading {Lease} as {Identity}")]
    private static partial void LogLeading(ILogger logger, string lease, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lead of {Lease} ({Identity}); competing again")]
    private static partial void LogLost(ILogger logger, string lease, string identity);
}
