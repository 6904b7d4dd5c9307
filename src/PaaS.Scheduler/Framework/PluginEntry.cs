namespace PaaS.Scheduler.Framework;

/// <summary>A plugin in a <see cref="PluginRegistry"/>; <paramref name="Weight"/> multiplies its scores and is ignored for plugins that do not score.</summary>
public sealed record PluginEntry(IPlugin Plugin, int Weight = 0);
