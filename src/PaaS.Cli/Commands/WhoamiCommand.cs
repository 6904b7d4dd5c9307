using System.CommandLine;
using PaaS.Cli.Output;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl whoami</c>: the logged-in user, whether admin, and their teams with role and namespaces.</summary>
internal static class WhoamiCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("whoami", "Show who you are logged in as, and your teams");
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var me = await client.GetAsync("/paas/v1/whoami", ct);
            context.Printer.Print(me, output =>
            {
                output.WriteLine($"Name:   {JsonText.Text(me?["name"])}");
                output.WriteLine($"Admin:  {((bool?)me?["admin"] == true ? "yes" : "no")}");
                var teams = me?["teams"]?.AsArray().OfType<System.Text.Json.Nodes.JsonNode>().ToList() ?? [];
                if (teams.Count == 0)
                {
                    output.WriteLine("Teams:  none");
                    return;
                }

                output.WriteLine();
                TableWriter.Write(output, ["team", "role", "namespaces"],
                    teams.Select(t => (IReadOnlyList<string>)[JsonText.Text(t["name"]), JsonText.Text(t["role"]), JsonText.Joined(t["namespaces"])]));
            });
        });
        return command;
    }
}
