using k8s.Models;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Tests.ReplicaSets;

public class ReplicaSetPlannerTests
{
    private static readonly DateTime Now = Objects.T0.AddMinutes(5);

    [Fact]
    public void Plan_TooFewPods_CreatesTheDifferenceFromTheTemplate()
    {
        var rs = Rs(3);
        rs.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };

        var plan = Plan(rs, [Objects.Pod("p1", rs.Metadata.Uid, labels: Labels())]);

        Assert.Equal(2, plan.PodsToCreate);
        var pod = plan.PodToCreate!;
        Assert.Equal(("web-abc-", "team-a"), (pod.Metadata.GenerateName, pod.Metadata.NamespaceProperty));
        Assert.Equal(Labels(), pod.Metadata.Labels);
        Assert.Equal("x", pod.Metadata.Annotations["note"]);
        var owner = Assert.Single(pod.Metadata.OwnerReferences);
        Assert.Equal(("apps/v1", "ReplicaSet", "web-abc", rs.Metadata.Uid, true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("web-abc", pod.Spec.Containers[0].Image);
        Assert.Empty(plan.PodsToDelete);
    }

    [Fact]
    public void Plan_ManyMissing_CapsAtBurstReplicas() =>
        Assert.Equal(500, Plan(Rs(2000), []).PodsToCreate);

    [Fact]
    public void Plan_ExpectationsNotSatisfied_NeitherCreatesNorDeletes()
    {
        var plan = ReplicaSetPlanner.Plan(new ReplicaSetObservation(Rs(3), [], ExpectationsSatisfied: false, Now));

        Assert.Equal(0, plan.PodsToCreate);
        Assert.Null(plan.PodToCreate);
        Assert.Equal(0, plan.Status.Replicas);
    }

    [Fact]
    public void Plan_BeingDeleted_NeitherCreatesNorAdopts()
    {
        var rs = Rs(3);
        rs.Metadata.DeletionTimestamp = Now;

        var plan = Plan(rs, [Objects.Pod("orphan", "", labels: Labels())]);

        Assert.Equal(0, plan.PodsToCreate);
        Assert.Empty(plan.PodsToAdopt);
    }

    [Fact]
    public void Plan_TooManyPods_DeletesTheLowestRanked()
    {
        var rs = Rs(1);
        var ready = Objects.Pod("ready", rs.Metadata.Uid, labels: Labels());
        var notReady = Objects.Pod("not-ready", rs.Metadata.Uid, ready: false, labels: Labels());
        var pending = Objects.Pod("pending", rs.Metadata.Uid, ready: false, phase: "Pending", labels: Labels());

        var plan = Plan(rs, [ready, notReady, pending]);

        Assert.Equal(["pending", "not-ready"], plan.PodsToDelete.Select(p => p.Metadata.Name));
    }

    [Fact]
    public void Plan_TerminatingAndFinishedPods_DoNotCount()
    {
        var rs = Rs(2);
        var terminating = Objects.Pod("terminating", rs.Metadata.Uid, labels: Labels());
        terminating.Metadata.DeletionTimestamp = Now;
        var succeeded = Objects.Pod("done", rs.Metadata.Uid, phase: "Succeeded", labels: Labels());

        var plan = Plan(rs, [terminating, succeeded, Objects.Pod("live", rs.Metadata.Uid, labels: Labels())]);

        Assert.Equal(1, plan.PodsToCreate);
        Assert.Equal(1, plan.Status.Replicas);
    }

    [Fact]
    public void Plan_Claim_AdoptsOnlyMatchingOrphansAndReleasesNonMatchingOwnPods()
    {
        var rs = Rs(3);
        var orphan = Objects.Pod("orphan", "", labels: Labels());
        var otherOwners = Objects.Pod("taken", "other-rs-uid", labels: Labels());
        var unrelatedOrphan = Objects.Pod("unrelated", "", labels: new Dictionary<string, string> { ["app"] = "db" });
        var relabelled = Objects.Pod("relabelled", rs.Metadata.Uid, labels: new Dictionary<string, string> { ["app"] = "web" });
        var elsewhere = Objects.Pod("elsewhere", "", labels: Labels());
        elsewhere.Metadata.NamespaceProperty = "team-b";

        var plan = Plan(rs, [orphan, otherOwners, unrelatedOrphan, relabelled, elsewhere]);

        Assert.Equal(["orphan"], plan.PodsToAdopt.Select(p => p.Metadata.Name));
        Assert.Equal(["relabelled"], plan.PodsToRelease.Select(p => p.Metadata.Name));
        Assert.Equal(2, plan.PodsToCreate);
        Assert.Equal(1, plan.Status.Replicas);
    }

    [Fact]
    public void Plan_Status_CountsLabelledReadyAndAvailablePods()
    {
        var rs = Rs(4);
        rs.Spec.MinReadySeconds = 60;
        rs.Metadata.Generation = 3;
        var pods = new[]
        {
            Objects.Pod("long-ready", rs.Metadata.Uid, readySince: Now.AddMinutes(-2), labels: Labels()),
            Objects.Pod("just-ready", rs.Metadata.Uid, readySince: Now.AddSeconds(-20), labels: Labels()),
            Objects.Pod("not-ready", rs.Metadata.Uid, ready: false, labels: Labels()),
            Objects.Pod("selected-but-missing-a-template-label", rs.Metadata.Uid, ready: false, labels: Labels()),
        };
        rs.Spec.Template.Metadata.Labels["extra"] = "yes";
        foreach (var pod in pods.Take(3))
        {
            pod.Metadata.Labels["extra"] = "yes";
        }

        var plan = Plan(rs, pods);

        Assert.Equal((4, 3, 2, 1, 3L), (plan.Status.Replicas, plan.Status.FullyLabeledReplicas, plan.Status.ReadyReplicas, plan.Status.AvailableReplicas, plan.Status.ObservedGeneration));
        Assert.Equal(TimeSpan.FromSeconds(41), plan.RequeueAfter);
    }

    [Fact]
    public void StatusAfterFailure_SetsFailedCreate_AndASuccessfulRoundClearsIt()
    {
        var rs = Rs(2);
        var plan = Plan(rs, []);

        var failed = plan.StatusAfterFailure("pods \"web-abc-x\" is forbidden: exceeded quota: compute", Now);

        var condition = Assert.Single(failed.Conditions);
        Assert.Equal(("ReplicaFailure", "True", "FailedCreate", "pods \"web-abc-x\" is forbidden: exceeded quota: compute"), (condition.Type, condition.Status, condition.Reason, condition.Message));

        // Still failing a minute later: the condition keeps its message and the time the trouble started.
        rs.Status = failed;
        var next = Plan(rs, []);
        var stillFailing = Assert.Single(next.StatusAfterFailure("again", Now.AddMinutes(1)).Conditions);
        Assert.Equal((condition.Message, Now), (stillFailing.Message, stillFailing.LastTransitionTime!.Value));

        // Creates succeed: the condition goes.
        Assert.Null(next.Status.Conditions);
    }

    [Fact]
    public void StatusAfterFailure_WhileDeleting_SaysFailedDelete()
    {
        var rs = Rs(0);
        var plan = Plan(rs, [Objects.Pod("p", rs.Metadata.Uid, labels: Labels())]);

        Assert.Equal("FailedDelete", Assert.Single(plan.StatusAfterFailure("boom", Now).Conditions).Reason);
    }

    private static ReplicaSetPlan Plan(V1ReplicaSet rs, IReadOnlyList<V1Pod> pods) =>
        ReplicaSetPlanner.Plan(new ReplicaSetObservation(rs, pods, ExpectationsSatisfied: true, Now));

    private static V1ReplicaSet Rs(int replicas) => Objects.ReplicaSet("web-abc", replicas);

    private static Dictionary<string, string> Labels() => new() { ["app"] = "web", ["pod-template-hash"] = "web-abc" };
}
