namespace PaaS.Scheduler.Framework;

/// <summary>A scheduling plugin. Plugins are stateless between cycles (state lives in <see cref="CycleState"/>), so one instance serves every cycle.</summary>
public interface IPlugin
{
    /// <summary>Unique in a registry; also the plugin's <see cref="CycleState"/> key.</summary>
    string Name { get; }
}
