namespace PaaS.ApiServer.Identity;

/// <summary>Writes a kubeconfig whose current context talks to this API server over TLS with a bearer token.</summary>
internal static class KubeconfigWriter
{
    public static Task WriteAsync(string path, string server, string authorityPem, string user, string token, CancellationToken ct)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: paas
              cluster:
                server: {server}
                certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(authorityPem))}
            users:
            - name: {user}
              user:
                token: {token}
            contexts:
            - name: paas
              context:
                cluster: paas
                user: {user}
                namespace: default
            current-context: paas
            preferences: {"{}"}

            """;
        return BootstrapIdentity.WritePrivateAsync(path, yaml, ct);
    }
}
