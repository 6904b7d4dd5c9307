using System.Globalization;
using System.Text.Json.Nodes;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>
/// The READY, STATUS and RESTARTS of kubectl's pod listing, computed like printPod in Kubernetes 1.32
/// (pkg/printers/internalversion), sidecar (restartable init) containers included.
/// </summary>
internal sealed record PodStatusSummary(int ReadyContainers, int TotalContainers, string Reason, int Restarts, DateTimeOffset? LastRestart)
{
    /// <summary>"5", or "5 (3m ago)" once a container has a recorded last termination.</summary>
    public string RestartsText(DateTimeOffset now) =>
        Restarts != 0 && LastRestart is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"{Restarts} ({HumanDuration.Since(last, now)} ago)")
            : Restarts.ToString(CultureInfo.InvariantCulture);

    public static PodStatusSummary Of(JsonObject pod)
    {
        var status = Object(pod, "status");
        var phase = Text(status, "phase");
        var reason = Text(status, "reason") is { Length: > 0 } statusReason ? statusReason : phase;

        if (Objects(status, "conditions").Any(c => Text(c, "type") == "PodScheduled" && Text(c, "reason") == "SchedulingGated"))
        {
            reason = "SchedulingGated";
        }

        var initSpecs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var totalContainers = Objects(pod, "spec", "containers").Count();
        foreach (var init in Objects(pod, "spec", "initContainers"))
        {
            initSpecs[Text(init, "name")] = init;
            if (IsRestartable(init))
            {
                totalContainers++;
            }
        }

        var initCount = Objects(pod, "spec", "initContainers").Count();
        var tally = new RestartTally();
        var sidecars = new RestartTally();
        var readyContainers = 0;
        var initializing = false;
        var index = 0;
        foreach (var container in Objects(status, "initContainerStatuses"))
        {
            var i = index++;
            tally.Add(container);
            var restartable = initSpecs.TryGetValue(Text(container, "name"), out var spec) && IsRestartable(spec);
            if (restartable)
            {
                sidecars.Add(container);
            }

            var terminated = Object(container, "state", "terminated");
            var waitingReason = Text(container, "state", "waiting", "reason");
            if (terminated is not null && Number(terminated, "exitCode") == 0)
            {
                continue;
            }

            if (restartable && Flag(container, "started"))
            {
                if (Flag(container, "ready"))
                {
                    readyContainers++;
                }

                continue;
            }

            if (terminated is not null)
            {
                // Initialization failed.
                reason = "Init:" + TerminatedReason(terminated);
            }
            else if (waitingReason.Length > 0 && waitingReason != "PodInitializing")
            {
                reason = "Init:" + waitingReason;
            }
            else
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"Init:{i}/{initCount}");
            }

            initializing = true;
            break;
        }

        if (!initializing || IsInitialized(status))
        {
            // Only sidecars keep counting once the pod runs: finished init containers' restarts are history.
            tally = sidecars;
            var hasRunning = false;
            foreach (var container in Objects(status, "containerStatuses").Reverse())
            {
                tally.Add(container);
                var waitingReason = Text(container, "state", "waiting", "reason");
                var terminated = Object(container, "state", "terminated");
                if (waitingReason.Length > 0)
                {
                    reason = waitingReason;
                }
                else if (terminated is not null)
                {
                    reason = TerminatedReason(terminated);
                }
                else if (Flag(container, "ready") && Has(container, "state", "running"))
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }

            // A container that exited cleanly while another still runs does not make the pod "Completed".
            if (reason == "Completed" && hasRunning)
            {
                reason = Objects(status, "conditions").Any(c => Text(c, "type") == "Ready" && Text(c, "status") == "True")
                    ? "Running"
                    : "NotReady";
            }
        }

        if (Has(pod, "metadata", "deletionTimestamp"))
        {
            if (Text(status, "reason") == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }

        return new PodStatusSummary(readyContainers, totalContainers, reason, tally.Count, tally.Last);
    }

    private static bool IsRestartable(JsonObject container) => Text(container, "restartPolicy") == "Always";

    private static bool IsInitialized(JsonObject? status) =>
        Objects(status, "conditions").FirstOrDefault(c => Text(c, "type") == "Initialized") is { } condition
        && Text(condition, "status") == "True";

    /// <summary>The terminated state's reason, else "Signal:N" or "ExitCode:N" (init containers get an "Init:" prefix).</summary>
    private static string TerminatedReason(JsonObject terminated)
    {
        if (Text(terminated, "reason") is { Length: > 0 } reason)
        {
            return reason;
        }

        var signal = Number(terminated, "signal");
        return signal != 0
            ? string.Create(CultureInfo.InvariantCulture, $"Signal:{signal}")
            : string.Create(CultureInfo.InvariantCulture, $"ExitCode:{Number(terminated, "exitCode")}");
    }

    /// <summary>Restart counts and the latest lastState.terminated.finishedAt seen so far.</summary>
    private sealed class RestartTally
    {
        public int Count { get; private set; }

        public DateTimeOffset? Last { get; private set; }

        public void Add(JsonObject containerStatus)
        {
            Count += (int)Number(containerStatus, "restartCount");
            if (Time(containerStatus, "lastState", "terminated", "finishedAt") is { } finished && (Last is null || Last < finished))
            {
                Last = finished;
            }
        }
    }
}
