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
            case "node-kubeconfigs" when args.Length == 3 && int.TryParse(args[1], out var count) && count > 0:
                // One process for many nodes: a simulated fleet of 1,000 would take minutes one command at a time.
                Directory.CreateDirectory(args[2]);
                var written = 0;
                for (var i = 1; i <= count; i++)
                {
                    var node = $"{args[0]}-{i}";
                    var file = Path.Combine(args[2], $"{node}.kubeconfig");
                    if (!File.Exists(file))
                    {
                        await ApiServerMaintenance.WriteSystemKubeconfigAsync(app.Services, $"system:node:{node}", file, CancellationToken.None);
                        written++;
                    }
                }

                Console.WriteLine($"wrote {written} node kubeconfig(s) into {args[2]} ({count - written} existed)");
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; commands: migrate, admin-kubeconfig, system-kubeconfig <identity> <path>, node-kubeconfigs <prefix> <count> <directory>; or run the platform with [--roles api,controllers,scheduler,agent,gateway,builder]");
                return 2;
        }
    }
}
