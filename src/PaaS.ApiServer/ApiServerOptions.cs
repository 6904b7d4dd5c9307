namespace PaaS.ApiServer;

/// <summary>Settings of the API role (section <c>Api</c>; environment variables <c>Api__PublicUrl</c>, ...).</summary>
public sealed class ApiServerOptions
{
    public const string Section = "Api";

    /// <summary>Where the API and portal listen over plain HTTP.</summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Plain-HTTP address of the API and portal, as clients reach it.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where the API also listens with TLS (kubectl sends tokens only over TLS).</summary>
    public string SecureListenUrl { get; set; } = "https://127.0.0.1:6443";

    /// <summary>The TLS address clients use; written into kubeconfigs.</summary>
    public string SecurePublicUrl { get; set; } = "https://127.0.0.1:6443";

    /// <summary>Extra host names or addresses the generated serving certificate must cover.</summary>
    public IReadOnlyList<string> CertificateHosts { get; set; } = [];

    /// <summary>Where the bootstrap admin password and kubeconfig are written (default <c>~/.paas</c>).</summary>
    public string HomeDirectory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".paas");

    /// <summary>Migrate the database schema when the API role starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The 256-bit key Secrets are encrypted with at rest (base64 in the file); created on first start when
    /// missing. Default: <c>encryption-key</c> in <see cref="HomeDirectory"/>. Every API server instance
    /// of one platform must use the same file; losing it makes stored Secrets unreadable.
    /// </summary>
    public string? EncryptionKeyFile { get; set; }
}
