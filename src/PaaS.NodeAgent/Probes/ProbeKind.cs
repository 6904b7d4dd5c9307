namespace PaaS.NodeAgent.Probes;

/// <summary>The three probes a container may have.</summary>
public enum ProbeKind
{
    Startup,
    Liveness,
    Readiness,
}
