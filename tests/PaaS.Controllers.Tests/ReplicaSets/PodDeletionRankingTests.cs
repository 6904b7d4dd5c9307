using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Tests.ReplicaSets;

public class PodDeletionRankingTests
{
    public static TheoryData<string, V1Pod, V1Pod> FirstGoesFirst => new()
    {
        { "unassigned before assigned", Objects.Pod("a", "rs", node: ""), Objects.Pod("b", "rs") },
        { "Pending before Unknown", Objects.Pod("a", "rs", ready: false, phase: "Pending"), Objects.Pod("b", "rs", ready: false, phase: "Unknown") },
        { "Unknown before Running", Objects.Pod("a", "rs", ready: false, phase: "Unknown"), Objects.Pod("b", "rs", ready: false) },
        { "not ready before ready", Objects.Pod("a", "rs", ready: false), Objects.Pod("b", "rs") },
        { "lower deletion cost first", WithCost(Objects.Pod("a", "rs"), "-5"), WithCost(Objects.Pod("b", "rs"), "10") },
        { "more recently ready first", Objects.Pod("a", "rs", readySince: Objects.T0.AddMinutes(5)), Objects.Pod("b", "rs", readySince: Objects.T0) },
        { "more restarts first", WithRestarts(Objects.Pod("a", "rs"), 7), WithRestarts(Objects.Pod("b", "rs"), 1) },
        { "newer first", Objects.Pod("a", "rs", created: Objects.T0.AddMinutes(1)), Objects.Pod("b", "rs", created: Objects.T0) },
    };

    [Theory]
    [MemberData(nameof(FirstGoesFirst))]
    public void Rank_OrdersAsKubernetes(string rule, V1Pod first, V1Pod second)
    {
        Assert.Equal(["a", "b"], PodDeletionRanking.Rank([second, first]).Select(p => p.Metadata.Name));
        Assert.Equal(["a", "b"], PodDeletionRanking.Rank([first, second]).Select(p => p.Metadata.Name));
        Assert.NotEmpty(rule);
    }

    [Fact]
    public void Rank_DoubledUpNodeGoesFirst()
    {
        var crowded1 = Objects.Pod("crowded-1", "rs", node: "n1", created: Objects.T0);
        var crowded2 = Objects.Pod("crowded-2", "rs", node: "n1", created: Objects.T0);
        var alone = Objects.Pod("alone", "rs", node: "n2", created: Objects.T0.AddMinutes(1));

        Assert.Equal("alone", PodDeletionRanking.Rank([alone, crowded1, crowded2])[^1].Metadata.Name);
    }

    [Fact]
    public void Rank_ReadinessOutranksAge()
    {
        var oldUnready = Objects.Pod("old-unready", "rs", ready: false, created: Objects.T0);
        var newReady = Objects.Pod("new-ready", "rs", created: Objects.T0.AddHours(1));

        Assert.Equal("old-unready", PodDeletionRanking.PodsToDelete([newReady, oldUnready], 1).Single().Metadata.Name);
    }

    private static V1Pod WithCost(V1Pod pod, string cost)
    {
        pod.Metadata.Annotations = new Dictionary<string, string> { [PodDeletionRanking.DeletionCostAnnotation] = cost };
        return pod;
    }

    private static V1Pod WithRestarts(V1Pod pod, int restarts)
    {
        pod.Status.ContainerStatuses = [new V1ContainerStatus { Name = "web", RestartCount = restarts, Ready = true, Image = "web", ImageID = "", ContainerID = "" }];
        return pod;
    }
}
