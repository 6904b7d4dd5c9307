using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// First start: creates the <c>admin</c> user with a random password and an admin token, and writes the
/// password (once, for <c>infra/up.sh</c> to print and delete) and a kubeconfig using the token into the
/// platform home (mode 600). Later starts find the admin and do nothing.
/// </summary>
internal sealed partial class BootstrapIdentity(IdentityService identities, IOptions<ApiServerOptions> options, ILogger<BootstrapIdentity> logger)
{
    public const string AdminName = "admin";

    public async Task EnsureAdminAsync(CancellationToken ct)
    {
        if (await identities.AnyAdminAsync(ct))
        {
            return;
        }

        var password = PasswordHasher.NewPassword();
        var admin = await identities.CreateAsync(AdminName, IdentityKind.User, isAdmin: true, password, ct);
        var (token, _) = await identities.IssueTokenAsync(admin.Id, "bootstrap kubeconfig", lifetime: null, ct);
        var home = options.Value.HomeDirectory;
        Directory.CreateDirectory(home);
        await WritePrivateAsync(Path.Combine(home, "admin-password"), password + "\n", ct);
        await KubeconfigWriter.WriteAsync(Path.Combine(home, "kubeconfig"), options.Value.SecurePublicUrl, ServingCertificate.AuthorityPem(options.Value), AdminName, token, ct);
        LogBootstrapped(logger, home);
    }

    public static async Task WritePrivateAsync(string path, string content, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, content, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the admin user; its password and kubeconfig are in {Home}")]
    private static partial void LogBootstrapped(ILogger logger, string home);
}
