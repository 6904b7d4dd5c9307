using MassTransit;
using PaaS.Contracts;
using PaaS.NodeAgent.Simulated;

namespace PaaS.NodeAgent;

/// <summary>
/// Wakes the node agent whose pod changed. For now every agent process receives every change on its own
/// temporary queue and keeps those of its nodes; routing by node on the broker comes with the scale work.
/// </summary>
public sealed class AgentChangeConsumer(SimulatedNodeFleet fleet) : IConsumer<ResourceChanged>
{
    public Task Consume(ConsumeContext<ResourceChanged> context)
    {
        fleet.Notify(context.Message);
        return Task.CompletedTask;
    }
}
