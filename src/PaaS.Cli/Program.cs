// paasctl, the PaaS command-line client. Exit codes: see PaaS.Cli.ExitCodes (and `paasctl --help`).
using PaaS.Cli;

return await PaasctlApp.RunAsync(args, CliEnvironment.FromProcess(), Console.Out, Console.Error);
