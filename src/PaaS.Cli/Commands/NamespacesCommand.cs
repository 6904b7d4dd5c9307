using System.CommandLine;
using System.Text.Json.Nodes;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl namespaces create NAME --team TEAM</c>: a namespace that belongs to a team (admins only).</summary>
internal static class NamespacesCommand
{
    public const string TeamLabel = "paas.dev/team";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The namespace" };
        var team = new Option<string>("--team", "-t") { Description = "The team it belongs to", Required = true };
        var create = new Command("create", "Create a namespace for a team (admins only)") { name, team };
        create.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var created = await client.PostAsync("/api/v1/namespaces", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject
                {
                    ["name"] = context.Get(name),
                    ["labels"] = new JsonObject { [TeamLabel] = context.Get(team) },
                },
            }, ct);
            context.Printer.Print(created, output => output.WriteLine($"namespace/{context.Get(name)} created for team {context.Get(team)}"));
        });

        var namespaces = new Command("namespaces", "Manage team namespaces") { create };
        namespaces.Aliases.Add("ns");
        return namespaces;
    }
}
