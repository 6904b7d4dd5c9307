using System.CommandLine;
using PaaS.Cli.Config;
using PaaS.Cli.Http;
using PaaS.Cli.Output;

namespace PaaS.Cli.Commands;

/// <summary>What a command's action works with: its parse result, the output streams and the selected kubeconfig context.</summary>
internal sealed class CommandContext(ParseResult parseResult, GlobalOptions globals, CliEnvironment environment)
{
    public ParseResult ParseResult => parseResult;

    public CliEnvironment Environment => environment;

    public TextWriter Out => parseResult.InvocationConfiguration.Output;

    public TextWriter Error => parseResult.InvocationConfiguration.Error;

    public Printer Printer => new(Out, globals.Format(parseResult));

    public string KubeconfigPath => environment.KubeconfigPath(parseResult.GetValue(globals.Kubeconfig));

    public string? ContextOption => parseResult.GetValue(globals.Context);

    public string? ServerOption => parseResult.GetValue(globals.Server);

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parseResult.GetValue(argument);

    public Kubeconfig LoadKubeconfig() => Kubeconfig.Load(KubeconfigPath);

    /// <summary>The selected context's server, token and certificate authority.</summary>
    public ClusterConnection Connection() =>
        ClusterConnection.FromKubeconfig(LoadKubeconfig(), KubeconfigPath, ContextOption, ServerOption);

    /// <summary>A client for the selected context; a "not logged in" error when it has no token.</summary>
    public ApiClient Client()
    {
        var connection = Connection();
        return string.IsNullOrEmpty(connection.Token)
            ? throw CliException.NotLoggedIn($"not logged in: context \"{connection.ContextName}\" has no token; run 'paasctl login'")
            : new ApiClient(connection);
    }
}
