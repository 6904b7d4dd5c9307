using MassTransit;
using PaaS.Contracts;

namespace PaaS.Controllers.Runtime;

/// <summary>
/// Receives every <see cref="ResourceChanged"/> on this instance's own temporary queue (so every
/// running controller manager sees every event) and hands it to the controllers' work queues.
/// </summary>
public sealed class ResourceChangedConsumer(ControllerHost host) : IConsumer<ResourceChanged>
{
    public Task Consume(ConsumeContext<ResourceChanged> context)
    {
        host.Dispatch(context.Message);
        return Task.CompletedTask;
    }
}
