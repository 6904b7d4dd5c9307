using k8s;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaaS.Gateway.Configuration;
using PaaS.Gateway.Hosting;
using PaaS.Gateway.Metrics;
using PaaS.Gateway.Routing;
using PaaS.ServiceDefaults;

namespace PaaS.Gateway;

/// <summary>Registers the gateway role: the route source fed from the API, and the proxy on its own listener.</summary>
public static class GatewayRegistration
{
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GatewayOptions>(configuration.GetSection(GatewayOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        // The gateway reads and reports only through the API server, as the system:gateway identity.
        services.AddKeyedSingleton<IKubernetes>(GatewayOptions.Section, (sp, _) =>
        {
            var path = sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Kubeconfig
                ?? throw new InvalidOperationException("Gateway:Kubeconfig must name the gateway's kubeconfig (infra/up.sh writes it with `paas system-kubeconfig system:gateway`)");
            return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));
        });
        services.AddSingleton<GatewayConfigProvider>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<AccessLog>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLog>());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GatewayController>(sp, sp.GetRequiredKeyedService<IKubernetes>(GatewayOptions.Section)));
        services.AddHostedService(sp => sp.GetRequiredService<GatewayController>());
        services.AddHostedService<GatewayServer>();
        return services;
    }

    /// <summary>The change consumer, on a queue of this instance's own: every gateway sees every change.</summary>
    public static void AddGatewayConsumers(this IBusRegistrationConfigurator bus) => bus.AddPerInstanceConsumer<GatewayChangeConsumer>();
}
