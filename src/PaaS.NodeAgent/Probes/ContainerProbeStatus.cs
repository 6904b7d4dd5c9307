namespace PaaS.NodeAgent.Probes;

/// <summary>What the probes say about a container, as its status reports it.</summary>
/// <param name="Started">The startup probe has succeeded (or there is none).</param>
/// <param name="Ready">The container may receive traffic: its readiness probe has succeeded (or, without one, it has started).</param>
/// <param name="LastFailure">The latest failed probe's message, such as "Readiness probe failed: HTTP probe failed with statuscode: 503".</param>
public sealed record ContainerProbeStatus(bool Started, bool Ready, string? LastFailure);
