using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaaS.NodeAgent;

/// <summary>Registers the node agent role.</summary>
public static class NodeAgentRegistration
{
    public static IServiceCollection AddNodeAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NodeAgentOptions>(configuration.GetSection(NodeAgentOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NodeFleet>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeFleet>());
        return services;
    }

    /// <summary>The agent's change consumer, on a queue of its own that receives only its nodes' pods' changes.</summary>
    public static void AddNodeAgentConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<AgentChangeConsumer, AgentChangeConsumerDefinition>();
}
