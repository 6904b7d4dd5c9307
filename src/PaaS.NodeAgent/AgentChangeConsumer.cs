using MassTransit;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.ServiceDefaults;

namespace PaaS.NodeAgent;

/// <summary>
/// Wakes the node agent whose pod changed. The queue receives only the changes of pods bound to this
/// process's nodes (<see cref="NodeRouting"/>); the agents' relist repairs anything a message missed.
/// </summary>
public sealed class AgentChangeConsumer(NodeFleet fleet) : IConsumer<ResourceChanged>
{
    public Task Consume(ConsumeContext<ResourceChanged> context)
    {
        fleet.Notify(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The agent process's own temporary queue, bound to the node-pods direct exchange once per node it runs
/// and not to the fan-out of every change.
/// </summary>
public sealed class AgentChangeConsumerDefinition : ConsumerDefinition<AgentChangeConsumer>
{
    private readonly IReadOnlyList<string> _nodes;

    public AgentChangeConsumerDefinition(IOptions<NodeAgentOptions> options)
    {
        _nodes = NodeFleet.NodeNames(options.Value).ToList();
        Endpoint(BusRegistration.PerInstance);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AgentChangeConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        if (endpointConfigurator is not IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            throw new InvalidOperationException("The node agent's change routing needs the RabbitMQ transport.");
        }

        foreach (var node in _nodes)
        {
            rabbit.Bind(NodeRouting.Exchange, binding =>
            {
                binding.ExchangeType = "direct";
                binding.RoutingKey = node;
            });
        }
    }
}
