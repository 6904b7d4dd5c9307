namespace PaaS.Cli;

/// <summary>What paasctl reads from its process: environment variables, the home folder and stdin.</summary>
/// <param name="GetVariable">Reads an environment variable (null when unset).</param>
/// <param name="Input">Standard input (passwords with <c>--password-stdin</c>).</param>
/// <param name="InputIsTerminal">Whether stdin is a terminal, so a password can be prompted for without echo.</param>
internal sealed record CliEnvironment(Func<string, string?> GetVariable, TextReader Input, bool InputIsTerminal, string Home)
{
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Console.In,
        !Console.IsInputRedirected,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The kubeconfig to read and write: <c>--kubeconfig</c>, else the first of <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string KubeconfigPath(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        var fromEnvironment = GetVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return fromEnvironment is { Length: > 0 } ? fromEnvironment[0] : Path.Combine(Home, ".kube", "config");
    }

    /// <summary>paasctl's own settings: <c>$XDG_CONFIG_HOME/paasctl/config.json</c>, else <c>~/.config/paasctl/config.json</c>.</summary>
    public string PaasctlConfigPath()
    {
        var xdg = GetVariable("XDG_CONFIG_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Home, ".config") : xdg;
        return Path.Combine(root, "paasctl", "config.json");
    }
}
