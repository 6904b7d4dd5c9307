using PaaS.Scheduler.Framework;

namespace PaaS.Scheduler.Tests.Framework;

public class FitErrorTests
{
    [Fact]
    public void Message_SortsCountReasonStringsLikeKubernetes()
    {
        var error = new FitError(5, null, new Dictionary<string, int>
        {
            ["Insufficient cpu"] = 3,
            ["node(s) didn't match Pod's node affinity/selector"] = 2,
        });

        Assert.Equal("0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu.", error.Message);
    }

    [Fact]
    public void Message_SortsWholeStringsSoTenComesBeforeTwo()
    {
        // sort.Strings over "10 …", "1 …", "2 …": a space sorts before '0'.
        var error = new FitError(13, null, new Dictionary<string, int>
        {
            ["node(s) were unschedulable"] = 2,
            ["Insufficient cpu"] = 10,
            ["Insufficient memory"] = 1,
        });

        Assert.Equal("0/13 nodes are available: 1 Insufficient memory, 10 Insufficient cpu, 2 node(s) were unschedulable.", error.Message);
    }

    [Fact]
    public void Message_PreFilterRejection_IsTheOnlyReason()
    {
        var error = new FitError(3, "pod has unbound volumes", new Dictionary<string, int> { ["ignored"] = 3 });

        Assert.Equal("0/3 nodes are available: pod has unbound volumes.", error.Message);
    }

    [Fact]
    public void Message_NoNodes_SaysSoLikeKubernetes() =>
        Assert.Equal("no nodes available to schedule pods", new FitError(0, null, new Dictionary<string, int>()).Message);
}
