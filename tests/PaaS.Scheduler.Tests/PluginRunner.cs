using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests;

/// <summary>Runs one plugin's extension points the way the framework does, without the other plugins.</summary>
internal static class PluginRunner
{
    /// <summary>PreFilter (if any) over the snapshot, then Filter on the node; a PreFilter Skip means the node passes.</summary>
    public static PluginStatus Filter(IFilterPlugin plugin, V1Pod pod, NodeInfo node, SchedulerSnapshot? snapshot = null)
    {
        var state = new CycleState();
        if (plugin is IPreFilterPlugin pre)
        {
            var status = pre.PreFilter(state, pod, snapshot ?? Make.Snapshot(node));
            if (status.Code == StatusCode.Skip)
            {
                return PluginStatus.Success;
            }

            Assert.True(status.IsSuccess, status.ToString());
        }

        return plugin.Filter(state, pod, node);
    }

    /// <summary>True when the plugin's PreScore opts out of scoring this pod.</summary>
    public static bool SkipsScoring(IPreScorePlugin plugin, V1Pod pod, params NodeInfo[] nodes) =>
        plugin.PreScore(new CycleState(), pod, Make.Snapshot(nodes), nodes).Code == StatusCode.Skip;

    /// <summary>PreScore (if any, and it must not skip), Score every node, and normalise.</summary>
    public static long[] Scores(IScorePlugin plugin, V1Pod pod, params NodeInfo[] nodes)
    {
        var state = new CycleState();
        if (plugin is IPreScorePlugin pre)
        {
            var status = pre.PreScore(state, pod, Make.Snapshot(nodes), nodes);
            Assert.True(status.IsSuccess, status.ToString());
        }

        var scores = nodes.Select(n => plugin.Score(state, pod, n)).ToArray();
        (plugin as IScoreNormalizer)?.NormalizeScores(state, pod, nodes, scores);
        return scores;
    }
}
