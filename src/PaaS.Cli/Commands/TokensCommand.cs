using System.CommandLine;
using System.Text.Json.Nodes;
using PaaS.Cli.Output;
using PaaS.Cli.Parsing;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl tokens create|list|revoke</c>: the caller's own API tokens (for CI, kubectl, scripts).</summary>
internal static class TokensCommand
{
    private const string Path = "/paas/v1/tokens";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var tokens = new Command("tokens", "Create, list and revoke your API tokens");
        tokens.Subcommands.Add(CreateToken(globals, environment));
        tokens.Subcommands.Add(List(globals, environment));
        tokens.Subcommands.Add(Revoke(globals, environment));
        return tokens;
    }

    private static Command CreateToken(GlobalOptions globals, CliEnvironment environment)
    {
        var description = new Option<string?>("--description", "-d") { Description = "What the token is for" };
        var expires = new Option<string?>("--expires") { Description = "Lifetime, e.g. 90m, 12h, 30d (default: never expires)" };
        expires.Validators.Add(result =>
        {
            try
            {
                _ = Durations.Parse(result.GetValueOrDefault<string?>() ?? "");
            }
            catch (CliException ex)
            {
                result.AddError(ex.Message);
            }
        });
        var command = new Command("create", "Create a token; it is printed once, on stdout") { description, expires };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var body = new JsonObject { ["description"] = context.Get(description) ?? "" };
            if (context.Get(expires) is { } lifetime)
            {
                body["expiresInSeconds"] = (long)Durations.Parse(lifetime).TotalSeconds;
            }

            using var client = context.Client();
            var created = await client.PostAsync(Path, body, ct);
            context.Printer.Print(created, output => output.WriteLine(JsonText.Text(created?["token"])));
            await context.Error.WriteLineAsync(
                $"Token {JsonText.Text(created?["id"])} created (expires {ExpiresText(created?["expiresAt"])}). It cannot be shown again: store it now.");
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List your tokens (never their secret values)");
        command.Aliases.Add("ls");
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var list = await client.GetAsync(Path, ct);
            context.Printer.Print(list, output => TableWriter.Write(output, ["id", "description", "created", "expires", "revoked", "current"],
                JsonText.Items(list).Select(t => (IReadOnlyList<string>)
                [
                    JsonText.Text(t["id"]),
                    (string?)t["description"] is { Length: > 0 } d ? d : "-",
                    JsonText.Time(t["createdAt"]),
                    ExpiresText(t["expiresAt"]),
                    JsonText.Time(t["revokedAt"]),
                    (bool?)t["current"] == true ? "*" : "",
                ])));
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "The token's id (see 'paasctl tokens list')" };
        var command = new Command("revoke", "Revoke one of your tokens") { id };
        command.SetAction(globals, environment, async (context, ct) =>
        {
            using var client = context.Client();
            var revoked = await client.DeleteAsync($"{Path}/{Uri.EscapeDataString(context.Get(id)!)}", ct);
            context.Printer.Print(revoked, output => output.WriteLine($"token {context.Get(id)} revoked"));
        });
        return command;
    }

    private static string ExpiresText(JsonNode? expiresAt) => expiresAt is null ? "never" : JsonText.Time(expiresAt);
}
