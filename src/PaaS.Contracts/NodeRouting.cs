namespace PaaS.Contracts;

/// <summary>
/// How a pod's changes reach the agent of the node it is bound to, and only that agent: besides the
/// fan-out of every <see cref="ResourceChanged"/>, the outbox relay sends each change of a bound pod to
/// one RabbitMQ direct exchange with the node's name as routing key. An agent binds its queue to that
/// exchange once per node it runs, so 1,000 nodes do not each receive every change of the cluster.
/// </summary>
public static class NodeRouting
{
    /// <summary>The direct exchange carrying bound pods' changes, keyed by node name.</summary>
    public const string Exchange = "paas.node-pods";

    /// <summary>The send address of <see cref="Exchange"/> (a durable direct exchange).</summary>
    public static readonly Uri Address = new($"exchange:{Exchange}?type=direct");
}
