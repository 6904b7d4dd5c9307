using System.CommandLine;
using System.Text.Json.Nodes;
using PaaS.Cli.Output;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl teams list|show|create|add-member|remove-member|set-role</c>.</summary>
internal static class TeamsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var teams = new Command("teams", "List and manage teams and their members");
        teams.Subcommands.Add(List(globals, environment));
        teams.Subcommands.Add(Show(globals, environment));
        teams.Subcommands.Add(CreateTeam(globals, environment));
        teams.Subcommands.Add(AddMember(globals, environment));
        teams.Subcommands.Add(RemoveMember(globals, environment));
        teams.Subcommands.Add(SetRole(globals, environment));
        return teams;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List the teams you are a member of (admins: all teams)");
        command.Aliases.Add("ls");
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var list = await client.GetAsync(Teams.Path, ct);
            var items = JsonText.Items(list).ToList();
            if (items.Count == 0 && context.Printer.Format == OutputFormat.Table)
            {
                await context.Error.WriteLineAsync("No teams found.");
                return;
            }

            context.Printer.Print(list, output => TableWriter.Write(output, ["name", "members", "namespaces"], items.Select(t => (IReadOnlyList<string>)
            [
                JsonText.Text(t["metadata"]?["name"]),
                (t["spec"]?["members"] as JsonArray)?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0",
                JsonText.Joined(t["status"]?["namespaces"]),
            ])));
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The team" };
        var command = new Command("show", "Show a team's members, namespaces and quota") { name };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var team = await client.GetAsync(Teams.ItemPath(context.Get(name)!), ct);
            context.Printer.Print(team, output =>
            {
                output.WriteLine($"Name:        {JsonText.Text(team?["metadata"]?["name"])}");
                output.WriteLine($"Namespaces:  {JsonText.Joined(team?["status"]?["namespaces"])}");
                output.WriteLine();
                var members = (team?["spec"]?["members"] as JsonArray)?.OfType<JsonNode>().ToList() ?? [];
                TableWriter.Write(output, ["member", "role"], members.Select(m => (IReadOnlyList<string>)[JsonText.Text(m["name"]), JsonText.Text(m["role"])]));
            });
        });
        return command;
    }

    private static Command CreateTeam(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The new team's name" };
        var command = new Command("create", "Create a team") { name };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var created = await client.PostAsync(Teams.Path, new JsonObject
            {
                ["apiVersion"] = "paas.dev/v1",
                ["kind"] = "Team",
                ["metadata"] = new JsonObject { ["name"] = context.Get(name) },
                ["spec"] = new JsonObject { ["members"] = new JsonArray() },
            }, ct);
            context.Printer.Print(created, output => output.WriteLine($"team/{context.Get(name)} created"));
        });
        return command;
    }

    private static Command AddMember(GlobalOptions globals, CliEnvironment environment)
    {
        var (team, user, role) = (TeamArgument(), UserArgument(), RoleOption());
        var command = new Command("add-member", "Add a user to a team with a role") { team, user, role };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var (teamName, userName, roleName) = (context.Get(team)!, context.Get(user)!, context.Get(role)!);
            using var client = context.Client();
            var updated = await Teams.UpdateAsync(client, teamName, t =>
            {
                var members = Teams.Members(t);
                if (Teams.FindMember(members, userName) is { } existing)
                {
                    throw new CliException(ExitCodes.Conflict,
                        $"{userName} is already a member of team {teamName} (role {(string?)existing["role"]}); use 'paasctl teams set-role' to change the role");
                }

                members.Add(new JsonObject { ["name"] = userName, ["role"] = roleName });
            }, ct);
            context.Printer.Print(updated, output => output.WriteLine($"{userName} added to team {teamName} as {roleName}"));
        });
        return command;
    }

    private static Command RemoveMember(GlobalOptions globals, CliEnvironment environment)
    {
        var (team, user) = (TeamArgument(), UserArgument());
        var command = new Command("remove-member", "Remove a user from a team") { team, user };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var (teamName, userName) = (context.Get(team)!, context.Get(user)!);
            using var client = context.Client();
            var updated = await Teams.UpdateAsync(client, teamName, t =>
            {
                var members = Teams.Members(t);
                members.Remove(Teams.FindMember(members, userName) ?? throw NotMember(userName, teamName));
            }, ct);
            context.Printer.Print(updated, output => output.WriteLine($"{userName} removed from team {teamName}"));
        });
        return command;
    }

    private static Command SetRole(GlobalOptions globals, CliEnvironment environment)
    {
        var (team, user, role) = (TeamArgument(), UserArgument(), RoleOption());
        var command = new Command("set-role", "Change a team member's role") { team, user, role };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var (teamName, userName, roleName) = (context.Get(team)!, context.Get(user)!, context.Get(role)!);
            using var client = context.Client();
            var updated = await Teams.UpdateAsync(client, teamName, t =>
            {
                var member = Teams.FindMember(Teams.Members(t), userName) ?? throw NotMember(userName, teamName);
                member["role"] = roleName;
            }, ct);
            context.Printer.Print(updated, output => output.WriteLine($"{userName} is now {roleName} in team {teamName}"));
        });
        return command;
    }

    private static CliException NotMember(string user, string team) => new(ExitCodes.NotFound, $"{user} is not a member of team {team}");

    private static Argument<string> TeamArgument() => new("team") { Description = "The team" };

    private static Argument<string> UserArgument() => new("user") { Description = "The user" };

    private static Option<string> RoleOption()
    {
        var role = new Option<string>("--role", "-r") { Description = "owner, developer or viewer", Required = true };
        role.AcceptOnlyFromAmong(Teams.Roles);
        return role;
    }
}
