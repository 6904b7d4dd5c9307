using k8s;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;
using PaaS.ServiceDefaults;

namespace PaaS.Scheduler.Service;

/// <summary>Registers the scheduler role.</summary>
public static class SchedulerRegistration
{
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulerOptions>>();
            var path = options.Value.Kubeconfig
                ?? throw new InvalidOperationException("Scheduler:Kubeconfig must name the scheduler's kubeconfig (infra/up.sh writes it with `paas system-kubeconfig system:scheduler`)");
            var fencing = new FencingToken("paas-scheduler");
            var api = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path), new FencingHandler(fencing));
            return new SchedulerService(api, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SchedulerService>>(),
                new Leadership(api, "paas-scheduler", sp.GetRequiredService<ILogger<Leadership>>(), fencing));
        });
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
        return services;
    }

    /// <summary>The scheduler's change consumer, on a queue of its own.</summary>
    public static void AddSchedulerConsumers(this IBusRegistrationConfigurator bus) => bus.AddPerInstanceConsumer<SchedulerChangeConsumer>();
}

/// <summary>Hands pod and node changes to the scheduler.</summary>
public sealed class SchedulerChangeConsumer(SchedulerService scheduler) : IConsumer<ResourceChanged>
{
    public Task Consume(ConsumeContext<ResourceChanged> context)
    {
        scheduler.Dispatch(context.Message);
        return Task.CompletedTask;
    }
}
