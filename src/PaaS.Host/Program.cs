using PaaS.Host;

// `paas migrate` applies the schema and exits; `paas admin-kubeconfig` writes a fresh admin kubeconfig;
// `paas system-kubeconfig system:node:n1 <path>` writes one for a platform part's system identity;
// `paas node-kubeconfigs sim 1000 <dir>` writes <dir>/sim-1.kubeconfig ... for system:node:sim-1 ...;
// anything else runs the roles named by --roles (default: all).
if (args.FirstOrDefault() is { } command && !command.StartsWith('-'))
{
    return await HostCommands.RunAsync(command, args[1..]);
}

WebApplication app;
try
{
    app = PlatformHost.Build(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await app.RunAsync();
return 0;
