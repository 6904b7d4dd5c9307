using System.CommandLine;
using System.CommandLine.Invocation;
using PaaS.Cli.Commands;
using PaaS.Cli.Completion;

namespace PaaS.Cli;

/// <summary>The paasctl command tree, and running it with paasctl's exit codes (see <see cref="ExitCodes"/>).</summary>
internal static class PaasctlApp
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand($"paasctl: log in to the PaaS, manage teams, namespaces, quotas, tokens and users.\n\n{ExitCodes.Description}")
        {
            LoginCommand.Create(globals, environment),
            LogoutCommand.Create(globals, environment),
            WhoamiCommand.Create(globals, environment),
            TeamsCommand.Create(globals, environment),
            NamespacesCommand.Create(globals, environment),
            QuotaCommand.Create(globals, environment),
            TokensCommand.Create(globals, environment),
            UsersCommand.Create(globals, environment),
            CompletionCommand.Create(),
        };
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        // DOS-style help aliases only clutter completion lists on Unix shells.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Aliases.Remove("/?");
            help.Aliases.Remove("/h");
        }

        return root;
    }

    /// <summary>Parses and runs; parse errors print <c>error: ...</c> and exit 2 (System.CommandLine would exit 1).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parseResult = Build(environment).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync($"See '{string.Join(' ', CommandPath(parseResult))} --help'.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }

    private static Stack<string> CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "paasctl" : result.Command.Name);
        }

        return names;
    }
}
