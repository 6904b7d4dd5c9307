using PaaS.ApiServer;
using PaaS.Controllers;
using PaaS.Gateway;
using PaaS.NodeAgent;
using PaaS.Scheduler.Service;
using PaaS.ServiceDefaults;

namespace PaaS.Host;

/// <summary>Builds the process for a set of roles; used by <c>Program</c> and by tests that host the platform in-process.</summary>
public static class PlatformHost
{
    /// <exception cref="ArgumentException">An unknown role was named.</exception>
    public static WebApplication Build(string[] args, Action<ConfigurationManager>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        var roles = Roles.Parse(builder.Configuration["roles"] ?? builder.Configuration["Paas:Roles"]);
        builder.Services.AddPaasBus(builder.Configuration, bus =>
        {
            if (roles.Contains(Roles.Agent))
            {
                bus.AddNodeAgentConsumers();
            }

            if (roles.Contains(Roles.Controllers))
            {
                bus.AddControllerManagerConsumers();
            }

            if (roles.Contains(Roles.Scheduler))
            {
                bus.AddSchedulerConsumers();
            }

            if (roles.Contains(Roles.Gateway))
            {
                bus.AddGatewayConsumers();
            }
        });
        if (roles.Contains(Roles.Scheduler))
        {
            builder.Services.AddScheduler(builder.Configuration);
        }

        if (roles.Contains(Roles.Controllers))
        {
            builder.Services.AddControllerManager(builder.Configuration);
        }

        if (roles.Contains(Roles.Agent))
        {
            builder.Services.AddNodeAgent(builder.Configuration);
        }

        if (roles.Contains(Roles.Gateway))
        {
            // The proxy runs its own listener (Gateway:ListenUrl), apart from the API's pipeline.
            builder.Services.AddGateway(builder.Configuration);
        }

        if (roles.Contains(Roles.Api))
        {
            // Plain HTTP for the portal and curl, TLS for kubectl (it sends tokens only over TLS).
            var api = builder.Configuration.GetSection(ApiServerOptions.Section).Get<ApiServerOptions>() ?? new ApiServerOptions();
            builder.WebHost.UseUrls(api.ListenUrl, api.SecureListenUrl);
            builder.Services.AddApiServer(builder.Configuration);
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            // Worker parts serve nothing over HTTP yet; a free loopback port keeps several on one machine
            // from fighting over Kestrel's default :5000.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var app = builder.Build();
        foreach (var role in roles.Except(Roles.Implemented))
        {
            HostLog.RoleNotBuilt(app.Logger, role);
        }

        if (roles.Contains(Roles.Api))
        {
            app.MapApiServer();
        }

        return app;
    }
}
