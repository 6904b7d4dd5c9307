namespace PaaS.Cli;

/// <summary>A failure paasctl reports as <c>error: message</c> on stderr and exits with <see cref="ExitCode"/>.</summary>
internal class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException NotLoggedIn(string message) => new(ExitCodes.Unauthorized, message);
}
