using k8s;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaaS.Controllers.Deployments;
using PaaS.Controllers.Endpoints;
using PaaS.Controllers.GarbageCollection;
using PaaS.Controllers.Nodes;
using PaaS.Controllers.ReplicaSets;
using PaaS.Controllers.Runtime;
using PaaS.ServiceDefaults;

namespace PaaS.Controllers;

/// <summary>Registers the controller manager role: the runtime, the controllers and their API client.</summary>
public static class ControllerManagerRegistration
{
    /// <summary>The leader-election Lease, also the part's name in its requests' User-Agent.</summary>
    public const string LeaseName = "paas-controller-manager";

    public static IServiceCollection AddControllerManager(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ControllerOptions>(configuration.GetSection(ControllerOptions.Section));
        // The controllers read and write only through the API server, as the system:controllers identity.
        services.AddKeyedSingleton(ControllerOptions.Section, (_, _) => new FencingToken(LeaseName));
        services.AddKeyedSingleton<IKubernetes>(ControllerOptions.Section, (sp, _) =>
        {
            var path = sp.GetRequiredService<IOptions<ControllerOptions>>().Value.Kubeconfig
                ?? throw new InvalidOperationException("Controllers:Kubeconfig must name the controllers' kubeconfig (infra/up.sh writes it with `paas system-kubeconfig system:controllers`)");
            return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path), new FencingHandler(sp.GetRequiredKeyedService<FencingToken>(ControllerOptions.Section)));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IController>(sp => new GarbageCollector(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section)));
        services.AddSingleton<IController>(sp => new ReplicaSetController(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IController>(sp => new NodeLifecycleController(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section), sp.GetRequiredService<IOptions<ControllerOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IController>(sp => new DeploymentController(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IController>(sp => new EndpointsController(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section)));
        services.AddSingleton(sp => new ControllerHost(
            sp.GetServices<IController>(), sp.GetRequiredService<IOptions<ControllerOptions>>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ControllerHost>>(),
            new Leadership(sp.GetRequiredKeyedService<IKubernetes>(ControllerOptions.Section), LeaseName, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Leadership>>(),
                sp.GetRequiredKeyedService<FencingToken>(ControllerOptions.Section))));
        services.AddHostedService(sp => sp.GetRequiredService<ControllerHost>());
        return services;
    }

    /// <summary>The change consumer, on a queue of this instance's own: every controller manager sees every change.</summary>
    public static void AddControllerManagerConsumers(this IBusRegistrationConfigurator bus) => bus.AddPerInstanceConsumer<ResourceChangedConsumer>();
}
