using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PaaS.ApiServer.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the platform.</summary>
internal sealed class PaasDbContextDesignFactory : IDesignTimeDbContextFactory<PaasDbContext>
{
    public PaasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaasDbContext>()
            .UseNpgsql(ApiServerRegistration.DefaultConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options);
}
