using System.CommandLine;
using System.Text.Json.Nodes;
using PaaS.Cli.Config;
using PaaS.Cli.Http;

namespace PaaS.Cli.Commands;

/// <summary><c>paasctl logout</c>: revokes the context's token, removes its user and context from the kubeconfig, clears paasctl's config.</summary>
internal static class LogoutCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("logout", "Revoke the current context's token and remove its user and context from the kubeconfig");
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var kubeconfig = context.LoadKubeconfig();
            var connection = context.Connection();
            var note = "";
            if (!string.IsNullOrEmpty(connection.Token))
            {
                using var client = new ApiClient(connection);
                try
                {
                    await client.PostAsync("/paas/v1/logout", new JsonObject(), ct);
                }
                catch (ApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
                {
                    // Already revoked or expired: nothing left to revoke, but the local credentials still go.
                    note = " (the server no longer accepted its token)";
                }
            }

            var contextName = connection.ContextName!;
            if (kubeconfig.FindContext(contextName)?.User is { } user)
            {
                kubeconfig.RemoveUser(user);
            }

            kubeconfig.RemoveContext(contextName);
            kubeconfig.Save(context.KubeconfigPath);
            PaasctlConfig.Clear(environment.PaasctlConfigPath());
            context.Printer.Print(new JsonObject { ["context"] = contextName, ["loggedOut"] = true },
                output => output.WriteLine($"Logged out: context \"{contextName}\" removed from {context.KubeconfigPath}{note}."));
        });
        return command;
    }
}
