namespace PaaS.ApiServer;

/// <summary>Settings of the API role (section <c>Api</c>; environment variables <c>Api__PublicUrl</c>, ...).</summary>
public sealed class ApiServerOptions
{
    public const string Section = "Api";

    /// <summary>The address clients use; written into the bootstrap kubeconfig.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where the bootstrap admin password and kubeconfig are written (default <c>~/.paas</c>).</summary>
    public string HomeDirectory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".paas");

    /// <summary>Migrate the database schema when the API role starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
