using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Identity;
using PaaS.ApiServer.Storage;

namespace PaaS.ApiServer;

/// <summary>Operations behind the host's one-shot commands (<c>paas migrate</c>, <c>paas admin-kubeconfig</c>).</summary>
public static class ApiServerMaintenance
{
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        ApiServerStartup.MigrateAsync(
            services.GetRequiredService<IDbContextFactory<PaasDbContext>>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiServerMaintenance)),
            ct);

    /// <summary>Issues a new admin token and writes it as a kubeconfig into the platform home; returns its path.</summary>
    public static async Task<string> WriteAdminKubeconfigAsync(IServiceProvider services, CancellationToken ct)
    {
        var identities = services.GetRequiredService<IdentityService>();
        var options = services.GetRequiredService<IOptions<ApiServerOptions>>().Value;
        var admin = await identities.FindByNameAsync(BootstrapIdentity.AdminName, ct)
            ?? throw new InvalidOperationException("there is no admin yet: start the platform once (infra/up.sh) to create it");
        var (token, _) = await identities.IssueTokenAsync(admin.Id, "admin kubeconfig", lifetime: null, ct);
        Directory.CreateDirectory(options.HomeDirectory);
        var path = Path.Combine(options.HomeDirectory, "kubeconfig");
        await KubeconfigWriter.WriteAsync(path, options.SecurePublicUrl, ServingCertificate.AuthorityPem(options), BootstrapIdentity.AdminName, token, ct);
        return path;
    }

    /// <summary>
    /// Writes a kubeconfig for a platform part's system identity (<c>system:controllers</c>,
    /// <c>system:scheduler</c>, <c>system:gateway</c>, <c>system:builder</c> or <c>system:node:&lt;name&gt;</c>),
    /// creating the identity on first use and issuing it a new token.
    /// </summary>
    public static async Task WriteSystemKubeconfigAsync(IServiceProvider services, string identity, string path, CancellationToken ct)
    {
        if (!Authorization.AccessRules.IsKnownSystemIdentity(identity))
        {
            throw new ArgumentException($"unknown system identity \"{identity}\"; one of: {Authorization.AccessRules.Controllers}, {Authorization.AccessRules.Scheduler}, {Authorization.AccessRules.Gateway}, {Authorization.AccessRules.Builder}, {Authorization.AccessRules.NodePrefix}<node name>");
        }

        var identities = services.GetRequiredService<IdentityService>();
        var options = services.GetRequiredService<IOptions<ApiServerOptions>>().Value;
        var system = await identities.EnsureSystemIdentityAsync(identity, ct);
        var (token, _) = await identities.IssueTokenAsync(system.Id, "system kubeconfig", lifetime: null, ct);
        await KubeconfigWriter.WriteAsync(path, options.SecurePublicUrl, ServingCertificate.AuthorityPem(options), identity, token, ct);
    }
}
