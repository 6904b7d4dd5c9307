namespace PaaS.NodeAgent.Probes;

/// <summary>The outcome of one probe, with the message the kubelet would put in the container's event.</summary>
public sealed record ProbeResult(bool Succeeded, string Message)
{
    public static ProbeResult Success(string message) => new(true, message);

    public static ProbeResult Failure(string message) => new(false, message);
}
