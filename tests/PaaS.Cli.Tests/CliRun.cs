using PaaS.Cli.Config;

namespace PaaS.Cli.Tests;

/// <summary>Runs paasctl in-process against a temp home: its own kubeconfig, config folder and stdin.</summary>
internal sealed class CliRun : IDisposable
{
    public string Home { get; } = Directory.CreateTempSubdirectory("paasctl-home-").FullName;

    public string KubeconfigPath => Path.Combine(Home, "kubeconfig");

    public async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        var environment = new CliEnvironment(
            name => name switch { "KUBECONFIG" => KubeconfigPath, "XDG_CONFIG_HOME" => Path.Combine(Home, "xdg"), _ => null },
            new StringReader(stdin), InputIsTerminal: false, Home);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await PaasctlApp.RunAsync(args, environment, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public void WriteKubeconfig(Action<Kubeconfig> change)
    {
        var kubeconfig = Kubeconfig.Load(KubeconfigPath);
        change(kubeconfig);
        kubeconfig.Save(KubeconfigPath);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
