using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// The API server's TLS certificate. kubectl sends credentials only over TLS (clientcmd drops the
/// user's token for an <c>http://</c> server), so the API also listens on HTTPS, like kube-apiserver on
/// 6443. First start generates a self-signed certificate for 127.0.0.1, ::1 and localhost (plus any
/// <see cref="ApiServerOptions.CertificateHosts"/>) into the platform home; kubeconfigs carry it as
/// their certificate authority, so clients verify the server instead of skipping verification.
/// </summary>
internal static class ServingCertificate
{
    public static X509Certificate2 LoadOrCreate(string directory, IEnumerable<string> extraHosts)
    {
        var certPath = Path.Combine(directory, "apiserver.crt");
        var keyPath = Path.Combine(directory, "apiserver.key");
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }

        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=paas-apiserver", key, HashAlgorithmName.SHA256);
        // A self-signed certificate that is its own authority: Go's verifier accepts it as a root.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        foreach (var host in extraHosts)
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(10));
        File.WriteAllText(certPath, created.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509Certificate2.CreateFromPemFile(certPath, keyPath);
    }

    /// <summary>The certificate (creating it if needed) in PEM, for kubeconfigs' certificate-authority-data.</summary>
    public static string AuthorityPem(ApiServerOptions options)
    {
        LoadOrCreate(options.HomeDirectory, options.CertificateHosts).Dispose();
        return File.ReadAllText(Path.Combine(options.HomeDirectory, "apiserver.crt"));
    }
}
