namespace PaaS.Scheduler.Framework;

/// <summary>Why no node fits a pod: either one PreFilter message for all nodes, or how many nodes failed for each reason.</summary>
public sealed class FitError
{
    public FitError(int numAllNodes, string? preFilterMessage, IReadOnlyDictionary<string, int> reasonCounts)
    {
        NumAllNodes = numAllNodes;
        PreFilterMessage = preFilterMessage;
        ReasonCounts = reasonCounts;
    }

    public int NumAllNodes { get; }

    /// <summary>Set when a PreFilter plugin rejected the pod before any node was looked at.</summary>
    public string? PreFilterMessage { get; }

    /// <summary>Reason → number of nodes that reported it. A node failing for two reasons counts for each.</summary>
    public IReadOnlyDictionary<string, int> ReasonCounts { get; }

    /// <summary>
    /// Kubernetes' FitError.Error(): "0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector,
    /// 3 Insufficient cpu." Like its sortReasonsHistogram, the "count reason" strings are sorted ordinally as whole
    /// strings, so the count leads the ordering (and "10 x" sorts before "2 y", as kubectl users see it).
    /// </summary>
    public string Message
    {
        get
        {
            if (NumAllNodes == 0 && PreFilterMessage is null)
            {
                // kube-scheduler's ErrNoNodesAvailable.
                return "no nodes available to schedule pods";
            }

            var message = $"0/{NumAllNodes} nodes are available:";
            if (PreFilterMessage is not null)
            {
                return message + " " + PreFilterMessage + ".";
            }

            var histogram = ReasonCounts.Select(r => $"{r.Value} {r.Key}").Order(StringComparer.Ordinal).ToArray();
            return histogram.Length == 0 ? message : message + " " + string.Join(", ", histogram) + ".";
        }
    }

    public override string ToString() => Message;
}
