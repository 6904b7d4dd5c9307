using System.Text;
using PaaS.Cli.Config;
using PaaS.Cli.Http;

namespace PaaS.Cli.Tests.Http;

public sealed class ClusterConnectionTests
{
    [Fact]
    public void FromKubeconfig_CurrentContext_ReadsServerTokenAuthorityAndNamespace()
    {
        using var ca = TestCertificates.SelfSigned("paas-apiserver");
        var kubeconfig = Kubeconfig.Empty();
        kubeconfig.SetCluster("paas", "https://127.0.0.1:6443", Convert.ToBase64String(Encoding.UTF8.GetBytes(ca.ExportCertificatePem())), false);
        kubeconfig.SetUser("alice@paas", "tok");
        kubeconfig.SetContext("alice@paas", "paas", "alice@paas", "shop-dev");
        kubeconfig.CurrentContext = "alice@paas";

        var connection = ClusterConnection.FromKubeconfig(kubeconfig, "/tmp/config", null, null);

        Assert.Equal(new Uri("https://127.0.0.1:6443"), connection.Server);
        Assert.Equal("tok", connection.Token);
        Assert.Equal("shop-dev", connection.Namespace);
        Assert.Equal(ca.Thumbprint, connection.Authority?.Thumbprint);
        Assert.False(connection.InsecureSkipTlsVerify);
    }

    [Fact]
    public void FromKubeconfig_ServerOverride_Wins()
    {
        var kubeconfig = Kubeconfig.Empty();
        kubeconfig.SetCluster("paas", "https://127.0.0.1:6443", null, true);
        kubeconfig.SetContext("x", "paas", "nobody", "");
        kubeconfig.CurrentContext = "x";

        var connection = ClusterConnection.FromKubeconfig(kubeconfig, "/tmp/config", null, "http://127.0.0.1:5080");

        Assert.Equal(new Uri("http://127.0.0.1:5080"), connection.Server);
        Assert.Null(connection.Token);
        Assert.Equal("default", connection.Namespace);
    }

    [Fact]
    public void FromKubeconfig_NoCurrentContext_IsNotLoggedIn()
    {
        var ex = Assert.ThrowsAny<CliException>(() => ClusterConnection.FromKubeconfig(Kubeconfig.Empty(), "/tmp/config", null, null));

        Assert.Equal(ExitCodes.Unauthorized, ex.ExitCode);
        Assert.Contains("paasctl login", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKubeconfig_UnknownContextOption_IsUsageError()
    {
        var ex = Assert.ThrowsAny<CliException>(() => ClusterConnection.FromKubeconfig(Kubeconfig.Empty(), "/tmp/config", "ghost", null));

        Assert.Equal(ExitCodes.Usage, ex.ExitCode);
        Assert.Equal("context \"ghost\" not found in /tmp/config", ex.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:6443")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void ParseServer_NotHttpUrl_IsUsageError(string server) =>
        Assert.Equal(ExitCodes.Usage, Assert.ThrowsAny<CliException>(() => ClusterConnection.ParseServer(server)).ExitCode);
}
