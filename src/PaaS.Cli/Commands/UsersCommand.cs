using System.CommandLine;
using System.Text.Json.Nodes;
using PaaS.Cli.Output;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl users create|list</c> (admins).</summary>
internal static class UsersCommand
{
    private const string Path = "/paas/v1/users";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var users = new Command("users", "Create and list users (admins only)");
        users.Subcommands.Add(CreateUser(globals, environment));
        users.Subcommands.Add(List(globals, environment));
        return users;
    }

    private static Command CreateUser(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The user's name" };
        var admin = new Option<bool>("--admin") { Description = "Make the user a platform admin" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from stdin (else one is generated and printed once)" };
        var command = new Command("create", "Create a user") { name, admin, passwordStdin };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var generated = context.Get(passwordStdin) ? null : Passwords.Generate();
            var password = generated ?? Passwords.FromStdin(environment);
            using var client = context.Client();
            var created = await client.PostAsync(Path, new JsonObject
            {
                ["name"] = context.Get(name),
                ["password"] = password,
                ["admin"] = context.Get(admin),
            }, ct);
            if (generated is not null && context.Printer.Format != OutputFormat.Table && created is JsonObject result)
            {
                // Scripts asking for JSON or YAML get the generated password in the result: it is shown only now.
                result["password"] = generated;
            }

            context.Printer.Print(created, output =>
            {
                output.WriteLine($"user/{context.Get(name)} created");
                if (generated is not null)
                {
                    output.WriteLine($"Password: {generated}");
                    output.WriteLine("It cannot be shown again: store it now.");
                }
            });
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List users");
        command.Aliases.Add("ls");
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var list = await client.GetAsync(Path, ct);
            context.Printer.Print(list, output => TableWriter.Write(output, ["name", "admin", "created"],
                JsonText.Items(list).Select(u => (IReadOnlyList<string>)
                    [JsonText.Text(u["name"]), (bool?)u["admin"] == true ? "yes" : "no", JsonText.Time(u["createdAt"])])));
        });
        return command;
    }
}
