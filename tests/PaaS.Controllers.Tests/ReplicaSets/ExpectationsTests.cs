using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Tests.ReplicaSets;

public class ExpectationsTests
{
    private static readonly DateTime Now = Objects.T0;
    private readonly Expectations expectations = new();

    [Fact]
    public void Satisfied_NothingExpected_IsTrue() =>
        Assert.True(expectations.Satisfied("team-a/web", Now));

    [Fact]
    public void Creations_SatisfiedOnceAllObserved()
    {
        expectations.ExpectCreations("team-a/web", 2, Now);
        Assert.False(expectations.Satisfied("team-a/web", Now));

        expectations.CreationObserved("team-a/web");
        Assert.False(expectations.Satisfied("team-a/web", Now));

        expectations.CreationObserved("team-a/web");
        Assert.True(expectations.Satisfied("team-a/web", Now));
    }

    [Fact]
    public void Creations_SkippedBySlowStart_LowerTheExpectationAtOnce()
    {
        expectations.ExpectCreations("team-a/web", 10, Now);

        expectations.CreationObserved("team-a/web", count: 10);

        Assert.True(expectations.Satisfied("team-a/web", Now));
    }

    [Fact]
    public void Deletions_OnlyExpectedNamesCount()
    {
        expectations.ExpectDeletions("team-a/web", ["p1", "p2"], Now);

        expectations.DeletionObserved("team-a/web", "someone-elses");
        expectations.DeletionObserved("team-a/web", "p1");
        expectations.DeletionObserved("team-a/web", "p1");
        Assert.False(expectations.Satisfied("team-a/web", Now));

        expectations.DeletionObserved("team-a/web", "p2");
        Assert.True(expectations.Satisfied("team-a/web", Now));
    }

    [Fact]
    public void Satisfied_AfterFiveMinutes_EvenIfNeverObserved()
    {
        expectations.ExpectCreations("team-a/web", 3, Now);

        Assert.False(expectations.Satisfied("team-a/web", Now + TimeSpan.FromMinutes(5)));
        Assert.True(expectations.Satisfied("team-a/web", Now + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Keys_AreIndependent_AndForgetClears()
    {
        expectations.ExpectCreations("team-a/web", 1, Now);
        expectations.ExpectCreations("team-a/api", 1, Now);
        expectations.CreationObserved("team-a/api");

        Assert.False(expectations.Satisfied("team-a/web", Now));
        Assert.True(expectations.Satisfied("team-a/api", Now));

        expectations.Forget("team-a/web");
        Assert.True(expectations.Satisfied("team-a/web", Now));
    }

    [Fact]
    public void KeyOf_IsNamespaceSlashName() =>
        Assert.Equal("team-a/web-abc", Expectations.KeyOf(Objects.ReplicaSet("web-abc", 1)));
}
