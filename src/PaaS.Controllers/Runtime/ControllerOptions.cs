namespace PaaS.Controllers.Runtime;

/// <summary>Settings of the controller manager (section <c>Controllers</c>).</summary>
public sealed class ControllerOptions
{
    public const string Section = "Controllers";

    /// <summary>The kubeconfig the controllers talk to the API server with (a <c>system:controllers</c> identity).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>How often every controller re-lists everything it owns (Kubernetes' resync; default 30 s).</summary>
    public TimeSpan RelistInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A node whose Lease was not renewed for this long turns Ready=Unknown (Kubernetes: 40 s).</summary>
    public TimeSpan NodeMonitorGracePeriod { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How long a node stays Ready=Unknown before its pods are deleted so they are replaced elsewhere (Kubernetes: 300 s).</summary>
    public TimeSpan PodEvictionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Workers per controller; one key is never worked on by two at once.</summary>
    public int WorkersPerController { get; set; } = 4;
}
