using System.CommandLine;
using PaaS.Cli.Output;

namespace PaaS.Cli.Commands;

/// <summary>Options every command takes (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig to use (default: $KUBECONFIG, else ~/.kube/config)",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: its current context)",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = "The API server URL, instead of the context's",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table, json or yaml",
        HelpName = "table|json|yaml",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    public GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json", "yaml");

    /// <summary>The <c>-o</c> value (validated at parse time).</summary>
    public OutputFormat Format(ParseResult parseResult) =>
        Enum.Parse<OutputFormat>(parseResult.GetValue(Output) ?? "table", ignoreCase: true);

    public IEnumerable<Option> All => [Kubeconfig, Context, Server, Output];
}
