using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PaaS.Cli.Http;

/// <summary>
/// Trusts a server certificate only when it chains to the kubeconfig's certificate authority, the one
/// trust anchor (the platform's certificate is self-signed and is its own authority); the system's
/// roots play no part, and the host name must still match.
/// </summary>
internal static class ServerCertificateValidator
{
    public static bool Validate(X509Certificate2 authority, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
