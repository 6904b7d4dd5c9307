using System.CommandLine;

namespace PaaS.Cli.Completion;

/// <summary><c>paasctl completion bash|zsh|fish</c>: prints the shell's completion script.</summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command("completion", "Print a shell completion script, e.g. source <(paasctl completion bash)") { shell };
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Output.Write(CompletionScripts.For(parseResult.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }
}
