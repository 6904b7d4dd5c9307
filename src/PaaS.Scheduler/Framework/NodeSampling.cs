namespace PaaS.Scheduler.Framework;

/// <summary>
/// How many feasible nodes a cycle looks for before it stops filtering (kube-scheduler's numFeasibleNodesToFind).
/// In a big cluster, scoring every node buys little placement quality for a lot of time; looking at a share that
/// shrinks as the cluster grows keeps a cycle's cost nearly flat, and rotating the start node keeps it fair.
/// </summary>
internal static class NodeSampling
{
    /// <summary>Below this many nodes every node is evaluated; above it at least this many feasible ones are sought.</summary>
    public const int MinFeasibleNodesToFind = 100;

    /// <summary>The adaptive percentage never goes below this.</summary>
    public const int MinFeasibleNodesPercentageToFind = 5;

    /// <param name="percentageOfNodesToScore">1..100 fixes the share; 0 means adaptive: 50% - nodes/125, at least 5%.</param>
    public static int NumFeasibleNodesToFind(int numAllNodes, int percentageOfNodesToScore)
    {
        if (numAllNodes < MinFeasibleNodesToFind)
        {
            return numAllNodes;
        }

        var percentage = percentageOfNodesToScore;
        if (percentage == 0)
        {
            percentage = Math.Max(50 - (numAllNodes / 125), MinFeasibleNodesPercentageToFind);
        }

        var numNodes = (int)((long)numAllNodes * percentage / 100);
        return Math.Max(numNodes, MinFeasibleNodesToFind);
    }
}
