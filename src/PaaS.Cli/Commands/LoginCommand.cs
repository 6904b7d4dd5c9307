using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using PaaS.Cli.Config;
using PaaS.Cli.Http;

namespace PaaS.Cli.Commands;

/// <summary>
/// <c>paasctl login</c>: gets a token (with a password, or checks a given one), then writes a kubeconfig
/// cluster <c>paas</c>, user and context <c>NAME@paas</c> (made current) and paasctl's own config.
/// </summary>
internal static class LoginCommand
{
    public const string ClusterName = "paas";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var username = new Option<string?>("--username", "-u") { Description = "Log in with this user's password" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from stdin (else it is prompted for, without echo)" };
        var token = new Option<string?>("--token") { Description = "Use this API token instead of a password (checked with whoami)" };
        var authority = new Option<string?>("--certificate-authority") { Description = "PEM file of the server's certificate authority (the platform's ~/.paas/apiserver.crt)" };
        var insecure = new Option<bool>("--insecure-skip-tls-verify") { Description = "Do not verify the server's certificate (insecure)" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "The context's namespace (default: the first namespace of your first team)" };
        var command = new Command("login", "Log in to the platform and write a kubeconfig context for kubectl and paasctl")
        {
            username, passwordStdin, token, authority, insecure, ns,
        };
        command.Validators.Add(result =>
        {
            var hasUser = result.GetValue(username) is not null;
            var hasToken = result.GetValue(token) is not null;
            if (hasUser == hasToken)
            {
                result.AddError("pass either --username (with a password) or --token");
            }
            else if (hasToken && result.GetValue(passwordStdin))
            {
                result.AddError("--password-stdin goes with --username, not --token");
            }

            if (result.GetValue(authority) is not null && result.GetValue(insecure))
            {
                result.AddError("--certificate-authority and --insecure-skip-tls-verify exclude each other");
            }
        });
        command.SetAction(globals, environment, async (context, ct) =>
        {
            var kubeconfig = context.LoadKubeconfig();
            var server = context.ServerOption
                ?? PaasctlConfig.Load(environment.PaasctlConfigPath())?.Server
                ?? CurrentServer(kubeconfig)
                ?? throw CliException.Usage("no server: pass --server, e.g. --server https://127.0.0.1:6443");
            var serverUri = ClusterConnection.ParseServer(server);
            var insecureSkip = context.Get(insecure);
            var authorityPem = context.Get(authority) is { } file ? ReadAuthorityFile(file)
                : insecureSkip || serverUri.Scheme == Uri.UriSchemeHttp ? null
                : KnownAuthority(kubeconfig, context.KubeconfigPath, serverUri)
                  ?? throw CliException.Usage($"no certificate authority known for {serverUri}: pass --certificate-authority FILE (the platform's ~/.paas/apiserver.crt) or --insecure-skip-tls-verify");
            var authorityCertificate = authorityPem is null ? null : ClusterConnection.ParseAuthority(authorityPem, "the certificate authority");

            var bearer = context.Get(token);
            if (context.Get(username) is { } name)
            {
                var password = context.Get(passwordStdin) ? Passwords.FromStdin(environment) : Passwords.Prompt(environment, context.Error, name);
                using var anonymous = new ApiClient(new ClusterConnection(serverUri, null, authorityCertificate, insecureSkip, "default", null));
                var login = await anonymous.PostAsync("/paas/v1/login", new JsonObject
                {
                    ["username"] = name,
                    ["password"] = password,
                    ["description"] = $"paasctl on {Environment.MachineName}",
                }, ct);
                bearer = (string?)login?["token"] ?? throw new CliException(ExitCodes.Error, "the server's login answer holds no token");
            }

            using var client = new ApiClient(new ClusterConnection(serverUri, bearer, authorityCertificate, insecureSkip, "default", null));
            var whoami = await client.GetAsync("/paas/v1/whoami", ct) ?? new JsonObject();
            var user = (string?)whoami["name"] ?? throw new CliException(ExitCodes.Error, "the server's whoami answer names no user");
            var contextName = $"{user}@{ClusterName}";
            var @namespace = context.Get(ns) ?? FirstTeamNamespace(whoami) ?? "default";

            kubeconfig.SetCluster(ClusterName, serverUri.ToString().TrimEnd('/'),
                authorityPem is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(authorityPem)), insecureSkip);
            kubeconfig.SetUser(contextName, bearer!);
            kubeconfig.SetContext(contextName, ClusterName, contextName, @namespace);
            kubeconfig.CurrentContext = contextName;
            kubeconfig.Save(context.KubeconfigPath);
            new PaasctlConfig(serverUri.ToString().TrimEnd('/'), contextName, user).Save(environment.PaasctlConfigPath());

            context.Printer.Print(whoami, output =>
                output.WriteLine($"Logged in to {serverUri.ToString().TrimEnd('/')} as {user} (context \"{contextName}\", namespace \"{@namespace}\", in {context.KubeconfigPath})."));
        });
        return command;
    }

    private static string? CurrentServer(Kubeconfig kubeconfig) =>
        kubeconfig.CurrentContext is { } current && kubeconfig.FindContext(current)?.Cluster is { } cluster ? kubeconfig.FindCluster(cluster)?.Server : null;

    private static string ReadAuthorityFile(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Usage, $"cannot read --certificate-authority {file}: {ex.Message}", ex);
        }
    }

    /// <summary>The PEM of a kubeconfig cluster with the same server URL, so a second login needs no CA option.</summary>
    internal static string? KnownAuthority(Kubeconfig kubeconfig, string kubeconfigPath, Uri server)
    {
        foreach (var cluster in kubeconfig.Clusters)
        {
            if (cluster.Server is null || !Uri.TryCreate(cluster.Server, UriKind.Absolute, out var uri) || Uri.Compare(uri, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            if (cluster.CertificateAuthorityData is { } data)
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }

            if (cluster.CertificateAuthority is { } file)
            {
                return File.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath))!, file));
            }
        }

        return null;
    }

    internal static string? FirstTeamNamespace(JsonNode whoami) =>
        whoami["teams"] is JsonArray { Count: > 0 } teams && teams[0]?["namespaces"] is JsonArray { Count: > 0 } namespaces ? (string?)namespaces[0] : null;
}
