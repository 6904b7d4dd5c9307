using MassTransit;
using PaaS.Contracts;

namespace PaaS.Gateway.Hosting;

/// <summary>Hands Service and Endpoints changes to this instance's gateway (every instance gets every change).</summary>
internal sealed class GatewayChangeConsumer(GatewayController controller) : IConsumer<ResourceChanged>
{
    public Task Consume(ConsumeContext<ResourceChanged> context)
    {
        controller.Notify(context.Message);
        return Task.CompletedTask;
    }
}
