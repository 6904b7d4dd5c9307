using PaaS.Cli.Config;

namespace PaaS.Cli.Tests.Config;

public sealed class KubeconfigTests : IDisposable
{
    private const string AdminKubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster:
            server: https://prod.example:6443
            certificate-authority-data: UFJPRA==
            extensions:
            - name: client.authentication.k8s.io/exec
              extension: {audience: prod}
        users:
        - name: admin
          user:
            token: admin-token
        - name: oidc
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: kubelogin
        contexts:
        - name: prod
          context:
            cluster: prod
            user: admin
            namespace: kube-system
        current-context: prod
        preferences: {}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("paasctl-kubeconfig-").FullName;

    [Fact]
    public void SetEntries_KeepsOtherClustersUsersContextsAndUnknownFields()
    {
        var kubeconfig = Kubeconfig.Parse(AdminKubeconfig);

        kubeconfig.SetCluster("paas", "https://127.0.0.1:6443", "Q0E=", insecureSkipTlsVerify: false);
        kubeconfig.SetUser("alice@paas", "alice-token");
        kubeconfig.SetContext("alice@paas", "paas", "alice@paas", "shop-dev");
        kubeconfig.CurrentContext = "alice@paas";
        var text = kubeconfig.Serialize();
        var reread = Kubeconfig.Parse(text);

        Assert.Equal(new KubeconfigCluster("prod", "https://prod.example:6443", "UFJPRA==", null, false), reread.FindCluster("prod"));
        Assert.Equal(new KubeconfigUser("admin", "admin-token", null), reread.FindUser("admin"));
        Assert.Equal(new KubeconfigContext("prod", "prod", "admin", "kube-system"), reread.FindContext("prod"));
        Assert.Contains("command: kubelogin", text, StringComparison.Ordinal);
        Assert.Contains("audience: prod", text, StringComparison.Ordinal);
        Assert.Equal(new KubeconfigCluster("paas", "https://127.0.0.1:6443", "Q0E=", null, false), reread.FindCluster("paas"));
        Assert.Equal(new KubeconfigUser("alice@paas", "alice-token", null), reread.FindUser("alice@paas"));
        Assert.Equal(new KubeconfigContext("alice@paas", "paas", "alice@paas", "shop-dev"), reread.FindContext("alice@paas"));
        Assert.Equal("alice@paas", reread.CurrentContext);
        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SetUser_Again_ReplacesTokenInPlace()
    {
        var kubeconfig = Kubeconfig.Parse(AdminKubeconfig);

        kubeconfig.SetUser("admin", "new-token");

        var text = kubeconfig.Serialize();
        Assert.Equal("new-token", Kubeconfig.Parse(text).FindUser("admin")?.Token);
        Assert.Single(text.Split('\n'), line => line.Trim() == "- name: admin");
    }

    [Fact]
    public void SetCluster_Insecure_DropsCertificateAuthority()
    {
        var kubeconfig = Kubeconfig.Parse(AdminKubeconfig);

        kubeconfig.SetCluster("prod", "https://prod.example:6443", null, insecureSkipTlsVerify: true);

        var cluster = Kubeconfig.Parse(kubeconfig.Serialize()).FindCluster("prod");
        Assert.Equal(new KubeconfigCluster("prod", "https://prod.example:6443", null, null, true), cluster);
    }

    [Fact]
    public void RemoveContext_Current_UnsetsCurrentAndKeepsOthers()
    {
        var kubeconfig = Kubeconfig.Parse(AdminKubeconfig);
        kubeconfig.SetUser("alice@paas", "t");
        kubeconfig.SetContext("alice@paas", "paas", "alice@paas", "default");
        kubeconfig.CurrentContext = "alice@paas";

        Assert.True(kubeconfig.RemoveContext("alice@paas"));
        Assert.True(kubeconfig.RemoveUser("alice@paas"));

        var reread = Kubeconfig.Parse(kubeconfig.Serialize());
        Assert.Null(reread.CurrentContext);
        Assert.Null(reread.FindContext("alice@paas"));
        Assert.Null(reread.FindUser("alice@paas"));
        Assert.NotNull(reread.FindContext("prod"));
        Assert.NotNull(reread.FindUser("admin"));
        Assert.False(reread.RemoveContext("nope"));
    }

    [Fact]
    public void Serialize_NumericLookingNames_StayStrings()
    {
        var kubeconfig = Kubeconfig.Empty();

        kubeconfig.SetContext("123", "paas", "true", "0755");

        var text = kubeconfig.Serialize();
        Assert.Contains("\"123\"", text, StringComparison.Ordinal);
        Assert.Contains("\"true\"", text, StringComparison.Ordinal);
        Assert.Contains("\"0755\"", text, StringComparison.Ordinal);
        Assert.Contains("cluster: paas", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_NewAndExistingFile_IsOwnerOnly()
    {
        var path = Path.Combine(_folder, "nested", "config");
        Kubeconfig.Parse(AdminKubeconfig).Save(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var kubeconfig = Kubeconfig.Load(path);
        kubeconfig.SetUser("bob@paas", "b");
        kubeconfig.Save(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("b", Kubeconfig.Load(path).FindUser("bob@paas")?.Token);
        Assert.Equal("admin-token", Kubeconfig.Load(path).FindUser("admin")?.Token);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        var kubeconfig = Kubeconfig.Load(Path.Combine(_folder, "absent"));

        Assert.Null(kubeconfig.CurrentContext);
        Assert.Empty(kubeconfig.Clusters);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
