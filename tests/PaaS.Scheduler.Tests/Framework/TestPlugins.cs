using k8s.Models;
using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Framework;

/// <summary>Plugins with scripted behaviour, for framework tests that must not depend on the real plugins.</summary>
internal sealed class ScriptedFilterPlugin(string name, Func<NodeInfo, PluginStatus> filter) : IFilterPlugin
{
    public string Name => name;

    public List<string> Seen { get; } = [];

    public PluginStatus Filter(CycleState state, V1Pod pod, NodeInfo node)
    {
        Seen.Add(node.Name);
        return filter(node);
    }
}

internal sealed class ScriptedPreFilterPlugin(string name, PluginStatus status) : IPreFilterPlugin
{
    public string Name => name;

    public PluginStatus PreFilter(CycleState state, V1Pod pod, SchedulerSnapshot snapshot) => status;
}

internal sealed class ScriptedScorePlugin(string name, Func<NodeInfo, long> score) : IScorePlugin
{
    public string Name => name;

    public long Score(CycleState state, V1Pod pod, NodeInfo node) => score(node);
}
