using System.CommandLine;

namespace PaaS.Cli.Commands;

/// <summary>Runs command actions: a <see cref="CliException"/> becomes <c>error: message</c> on stderr and its exit code.</summary>
internal static class CommandActions
{
    public static void SetAction(this Command command, GlobalOptions globals, CliEnvironment environment, Func<CommandContext, CancellationToken, Task> action) =>
        command.SetAction(async (parseResult, ct) =>
        {
            var context = new CommandContext(parseResult, globals, environment);
            try
            {
                await action(context, ct);
                return ExitCodes.Ok;
            }
            catch (CliException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return ex.ExitCode;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A kubeconfig or config file that cannot be read or written: say which, without a stack trace.
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
}
