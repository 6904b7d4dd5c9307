using System.Net.Security;
using PaaS.Cli.Http;

namespace PaaS.Cli.Tests.Http;

public sealed class ServerCertificateValidatorTests
{
    [Fact]
    public void Validate_SelfSignedServerAsItsOwnAuthority_Accepts()
    {
        using var server = TestCertificates.SelfSigned("paas-apiserver");
        using var authority = TestCertificates.SelfSigned("paas-apiserver");
        using var sameAsAuthority = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(server.RawData);

        // The platform's chain is untrusted by the system: the callback gets RemoteCertificateChainErrors.
        Assert.True(ServerCertificateValidator.Validate(sameAsAuthority, server, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(ServerCertificateValidator.Validate(authority, server, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_NameMismatchOrNoCertificate_Rejects()
    {
        using var server = TestCertificates.SelfSigned("paas-apiserver");

        Assert.False(ServerCertificateValidator.Validate(server, server, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(ServerCertificateValidator.Validate(server, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }
}
