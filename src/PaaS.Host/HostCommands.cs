using PaaS.ApiServer;

namespace PaaS.Host;

/// <summary>One-shot maintenance commands that share the platform's configuration.</summary>
internal static class HostCommands
{
    public static async Task<int> RunAsync(string command, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddApiServer(builder.Configuration);
        await using var app = builder.Build();
        switch (command)
        {
            case "migrate":
                await ApiServerMaintenance.MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("database schema is up to date");
                return 0;
            case "admin-kubeconfig":
                var path = await ApiServerMaintenance.WriteAdminKubeconfigAsync(app.Services, CancellationToken.None);
                Console.WriteLine($"wrote {path}");
                return 0;
            case "system-kubeconfig" when args.Length == 2:
                try
                {
                    await ApiServerMaintenance.WriteSystemKubeconfigAsync(app.Services, args[0], args[1], CancellationToken.None);
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }

                Console.WriteLine($"wrote {args[1]} for {args[0]}");
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; commands: migrate, admin-kubeconfig, system-kubeconfig <identity> <path>; or run the platform with [--roles api,controllers,scheduler,agent,gateway,builder]");
                return 2;
        }
    }
}
