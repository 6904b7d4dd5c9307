using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PaaS.Cli.Config;

namespace PaaS.Cli.Http;

/// <summary>Where and as whom paasctl talks to the API server, as a kubeconfig context says.</summary>
/// <param name="Authority">The certificate the server's must chain to; null for system trust (or plain HTTP).</param>
internal sealed record ClusterConnection(
    Uri Server, string? Token, X509Certificate2? Authority, bool InsecureSkipTlsVerify, string Namespace, string? ContextName)
{
    /// <summary>The connection of <paramref name="contextName"/> (else the current context), with <paramref name="serverOverride"/> if given.</summary>
    public static ClusterConnection FromKubeconfig(Kubeconfig kubeconfig, string kubeconfigPath, string? contextName, string? serverOverride)
    {
        var name = contextName ?? kubeconfig.CurrentContext
            ?? throw CliException.NotLoggedIn($"not logged in: {kubeconfigPath} has no current context; run 'paasctl login --server URL --username NAME'");
        var context = kubeconfig.FindContext(name) ?? (contextName is null
            ? throw CliException.NotLoggedIn($"not logged in: the current context \"{name}\" is not in {kubeconfigPath}")
            : throw CliException.Usage($"context \"{name}\" not found in {kubeconfigPath}"));
        var cluster = context.Cluster is { } c ? kubeconfig.FindCluster(c) : null;
        var server = serverOverride ?? cluster?.Server
            ?? throw new CliException(ExitCodes.Error, $"context \"{name}\" in {kubeconfigPath} names no cluster with a server");
        var user = context.User is { } u ? kubeconfig.FindUser(u) : null;
        var token = user?.Token ?? (user?.TokenFile is { } file ? File.ReadAllText(ResolvePath(file, kubeconfigPath)).Trim() : null);
        var authority = cluster switch
        {
            { CertificateAuthorityData: { } data } => ParseAuthority(DecodeBase64(data, name), $"certificate-authority-data of cluster \"{cluster.Name}\""),
            { CertificateAuthority: { } caFile } => ParseAuthority(File.ReadAllText(ResolvePath(caFile, kubeconfigPath)), caFile),
            _ => null,
        };
        return new ClusterConnection(ParseServer(server), token, authority, cluster?.InsecureSkipTlsVerify ?? false,
            string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace, name);
    }

    public static Uri ParseServer(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw CliException.Usage($"invalid server \"{server}\": expected an http:// or https:// URL such as https://127.0.0.1:6443");

    /// <summary>Reads a PEM certificate; a clear error instead of a stack trace when it is not one.</summary>
    public static X509Certificate2 ParseAuthority(string pem, string source)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new CliException(ExitCodes.Usage, $"{source} is not a PEM certificate: {ex.Message}", ex);
        }
    }

    private static string DecodeBase64(string data, string context)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.Error, $"the certificate-authority-data of context \"{context}\" is not base64", ex);
        }
    }

    // kubectl resolves relative paths in a kubeconfig against the kubeconfig's folder.
    private static string ResolvePath(string file, string kubeconfigPath) =>
        Path.IsPathRooted(file) ? file : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath))!, file);
}
