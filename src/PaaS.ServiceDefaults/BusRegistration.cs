using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaaS.ServiceDefaults;

/// <summary>
/// One MassTransit bus per process, whatever roles it runs: each role adds its consumers through
/// the <c>consumers</c> callback; endpoints get kebab-case names.
/// </summary>
public static class BusRegistration
{
    public static IServiceCollection AddPaasBus(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var options = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // Never phone home: this platform runs on closed networks.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>
    /// A consumer on a temporary queue of this process's own (auto-deleted, unique name): every running
    /// instance of a part receives every message, instead of competing for them on one shared queue.
    /// </summary>
    public static void AddPerInstanceConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer>().Endpoint(PerInstance);

    /// <summary>Makes an endpoint this process's own: temporary (auto-deleted) with a unique name.</summary>
    public static void PerInstance(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Temporary = true;
        endpoint.InstanceId = "-" + Guid.NewGuid().ToString("N")[..12];
    }
}
