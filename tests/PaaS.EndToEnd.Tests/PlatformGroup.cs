namespace PaaS.EndToEnd.Tests;

/// <summary>The kubectl suites share one platform started by infra/up.sh (starting it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
