using k8s.Models;
using PaaS.Controllers.Deployments;
using PaaS.Controllers.Tests.Simulation;

namespace PaaS.Controllers.Tests.Deployments;

public class DeploymentPlannerTests
{
    private static readonly DateTime Now = Objects.T0.AddMinutes(1);

    [Fact]
    public void Plan_NewDeployment_CreatesLabelledOwnedAnnotatedReplicaSet()
    {
        var deployment = Objects.Deployment(3);

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [], [], Now));

        var rs = plan.ReplicaSetToCreate!;
        var hash = PodTemplateHash.Compute(deployment.Spec.Template, null);
        Assert.Equal($"web-{hash}", rs.Metadata.Name);
        Assert.Equal("team-a", rs.Metadata.NamespaceProperty);
        Assert.Equal(3, rs.Spec.Replicas);
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels[PodTemplates.HashLabel]);
        Assert.Equal("web", rs.Spec.Selector.MatchLabels["app"]);
        Assert.Equal(hash, rs.Spec.Template.Metadata.Labels[PodTemplates.HashLabel]);
        Assert.Equal(hash, rs.Metadata.Labels[PodTemplates.HashLabel]);
        var owner = Assert.Single(rs.Metadata.OwnerReferences);
        Assert.Equal(("apps/v1", "Deployment", "web", "deploy-uid", true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("1", rs.Metadata.Annotations[DeploymentAnnotations.Revision]);
        Assert.Equal("3", rs.Metadata.Annotations[DeploymentAnnotations.DesiredReplicas]);
        Assert.Equal("4", rs.Metadata.Annotations[DeploymentAnnotations.MaxReplicas]);
        Assert.Equal("1", plan.RevisionToRecord);
        Assert.False(deployment.Spec.Template.Metadata.Labels.ContainsKey(PodTemplates.HashLabel), "the observed deployment must not be mutated");

        var progressing = DeploymentConditions.Get(plan.Status, DeploymentConditions.Progressing)!;
        Assert.Equal(("True", DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"web-{hash}\""), (progressing.Status, progressing.Reason, progressing.Message));
        var available = DeploymentConditions.Get(plan.Status, DeploymentConditions.Available)!;
        Assert.Equal(("False", DeploymentConditions.MinimumReplicasUnavailable), (available.Status, available.Reason));
        Assert.Equal(1, plan.Status.ObservedGeneration);
        Assert.True(plan.StatusChanged);
    }

    [Fact]
    public void Plan_DeploymentAnnotations_AreCopiedExceptControllerOnes()
    {
        var deployment = Objects.Deployment();
        deployment.Metadata.Annotations = new Dictionary<string, string>
        {
            ["team"] = "payments",
            [DeploymentAnnotations.Revision] = "7",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
        };

        var rs = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [], [], Now)).ReplicaSetToCreate!;

        Assert.Equal("payments", rs.Metadata.Annotations["team"]);
        Assert.Equal("1", rs.Metadata.Annotations[DeploymentAnnotations.Revision]);
        Assert.False(rs.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
    }

    [Fact]
    public void Plan_ReplicaSetsOfOtherOwners_AreIgnored()
    {
        var foreign = Objects.ReplicaSet("other", 3, ownerUid: "someone-else");
        foreign.Spec.Template = Objects.Template("web:1");

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(Objects.Deployment(), [foreign], [], Now));

        Assert.NotNull(plan.ReplicaSetToCreate);
        Assert.Empty(plan.ReplicaSetsToUpdate);
    }

    [Fact]
    public void Plan_CompletedRollout_IsStableAndSaysSo()
    {
        var cluster = new FakeCluster(Objects.Deployment(2));
        for (var i = 0; i < 5; i++)
        {
            cluster.Sync();
            cluster.RunKubelet();
        }

        var plan = cluster.Sync();

        Assert.True(cluster.IsSteady(plan));
        var progressing = DeploymentConditions.Get(plan.Status, DeploymentConditions.Progressing)!;
        Assert.Equal(DeploymentConditions.NewReplicaSetAvailable, progressing.Reason);
        Assert.StartsWith("ReplicaSet \"web-", progressing.Message);
        Assert.EndsWith("\" has successfully progressed.", progressing.Message);
        Assert.Equal("True", DeploymentConditions.Get(plan.Status, DeploymentConditions.Available)!.Status);
    }

    [Fact]
    public void Plan_Progress_RefreshesLastUpdateTimeButKeepsLastTransitionTime()
    {
        var cluster = new FakeCluster(Objects.Deployment(3, maxSurge: "1", maxUnavailable: "0"));
        cluster.Sync();
        var created = DeploymentConditions.Get(cluster.Deployment.Status, DeploymentConditions.Progressing)!;

        cluster.Now = Objects.T0.AddSeconds(10);
        cluster.RunKubelet(limit: 1);
        cluster.Sync();
        var progressed = DeploymentConditions.Get(cluster.Deployment.Status, DeploymentConditions.Progressing)!;

        Assert.Equal(DeploymentConditions.ReplicaSetUpdated, progressed.Reason);
        Assert.Equal(created.LastTransitionTime, progressed.LastTransitionTime);
        Assert.Equal(Objects.T0.AddSeconds(10), progressed.LastUpdateTime);
    }

    [Fact]
    public void Plan_NoProgressPastTheDeadline_ReportsProgressDeadlineExceeded()
    {
        var cluster = new FakeCluster(Objects.Deployment(2));
        cluster.Sync();
        cluster.Sync(); // records the created pods: the last progress, at T0

        // Pods never turn ready. Before the deadline the planner asks to be woken just after it.
        cluster.Now = Objects.T0.AddSeconds(100);
        var waiting = cluster.Sync();
        Assert.False(waiting.StatusChanged);
        Assert.Equal(TimeSpan.FromSeconds(501), waiting.RequeueAfter);
        Assert.Equal(DeploymentConditions.ReplicaSetUpdated, DeploymentConditions.Get(cluster.Deployment.Status, DeploymentConditions.Progressing)!.Reason);

        cluster.Now = Objects.T0.AddSeconds(601);
        cluster.Sync();
        var progressing = DeploymentConditions.Get(cluster.Deployment.Status, DeploymentConditions.Progressing)!;
        Assert.Equal(("False", DeploymentConditions.ProgressDeadlineExceeded), (progressing.Status, progressing.Reason));
        Assert.EndsWith("has timed out progressing.", progressing.Message);
    }

    [Fact]
    public void Plan_NewReplicaSetFailure_IsCopiedToTheDeployment()
    {
        var cluster = new FakeCluster(Objects.Deployment(2));
        cluster.Sync();
        var rs = cluster.ReplicaSets.Single();
        rs.Status.Conditions = [new V1ReplicaSetCondition { Type = "ReplicaFailure", Status = "True", Reason = "FailedCreate", Message = "exceeded quota: pods", LastTransitionTime = Objects.T0 }];

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(cluster.Deployment, cluster.ReplicaSets, cluster.Pods, Now));

        var failure = DeploymentConditions.Get(plan.Status, DeploymentConditions.ReplicaFailure)!;
        Assert.Equal(("True", "FailedCreate", "exceeded quota: pods", Objects.T0), (failure.Status, failure.Reason, failure.Message, failure.LastUpdateTime!.Value));

        rs.Status.Conditions = null;
        var failing = Objects.Copy(cluster.Deployment);
        failing.Status = plan.Status;
        var cleared = DeploymentPlanner.Plan(new DeploymentObservation(failing, cluster.ReplicaSets, cluster.Pods, Now));
        Assert.Null(DeploymentConditions.Get(cleared.Status, DeploymentConditions.ReplicaFailure));
    }

    [Fact]
    public void Plan_HashNameTakenByAnotherTemplate_RaisesCollisionCountInsteadOfCreating()
    {
        var deployment = Objects.Deployment();
        var squatter = Objects.ReplicaSet(PodTemplateHash.ReplicaSetName("web", PodTemplateHash.Compute(deployment.Spec.Template, null)), 0);

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [squatter], [], Now));

        Assert.Null(plan.ReplicaSetToCreate);
        Assert.Equal(1, plan.Status.CollisionCount);
        Assert.Equal(TimeSpan.Zero, plan.RequeueAfter);

        deployment.Status = plan.Status;
        var retry = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [squatter], [], Now));
        Assert.Equal($"web-{PodTemplateHash.Compute(deployment.Spec.Template, 1)}", retry.ReplicaSetToCreate!.Metadata.Name);
    }

    [Fact]
    public void StatusAfterCreateConflict_OwnReplicaSetWithSameTemplate_IsNoCollision()
    {
        var deployment = Objects.Deployment();
        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [], [], Now));
        var ours = Objects.Copy(plan.ReplicaSetToCreate!);
        var theirs = Objects.ReplicaSet(ours.Metadata.Name, 1, ownerUid: "someone-else");

        Assert.Null(plan.StatusAfterCreateConflict(ours));
        Assert.Equal(1, plan.StatusAfterCreateConflict(theirs)!.CollisionCount);
    }

    [Fact]
    public void StatusAfterCreateFailure_ReportsReplicaSetCreateError()
    {
        var plan = DeploymentPlanner.Plan(new DeploymentObservation(Objects.Deployment(), [], [], Now));

        var status = plan.StatusAfterCreateFailure("admission webhook denied", Now);

        var progressing = DeploymentConditions.Get(status, DeploymentConditions.Progressing)!;
        Assert.Equal(("False", DeploymentConditions.ReplicaSetCreateError), (progressing.Status, progressing.Reason));
        Assert.Equal($"Failed to create new replica set \"{plan.ReplicaSetToCreate!.Metadata.Name}\": admission webhook denied", progressing.Message);
    }

    [Fact]
    public void Plan_UnhealthyOldReplicas_AreScaledAwayFirst()
    {
        // 3 replicas, maxSurge 1, maxUnavailable 1: one old pod is not ready and the new pod not yet available.
        var deployment = Objects.Deployment(3, "web:2", maxSurge: "1", maxUnavailable: "1");
        var old = Objects.ReplicaSet("web-old", 3, Objects.T0);
        old.Spec.Template = Objects.Template("web:1");
        old.Metadata.Annotations[DeploymentAnnotations.Revision] = "1";
        DeploymentAnnotations.SetReplicasAnnotations(old, 3, 4);
        var current = Objects.ReplicaSet("web-new", 1, Objects.T0.AddMinutes(1));
        current.Spec.Template = Objects.Template("web:2");
        current.Metadata.Annotations[DeploymentAnnotations.Revision] = "2";
        DeploymentAnnotations.SetReplicasAnnotations(current, 3, 4);
        var pods = new[]
        {
            Objects.Pod("old-1", old.Metadata.Uid),
            Objects.Pod("old-2", old.Metadata.Uid),
            Objects.Pod("old-3", old.Metadata.Uid, ready: false),
            Objects.Pod("new-1", current.Metadata.Uid, ready: false, phase: "Pending"),
        };

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [old, current], pods, Now));

        // Only the unready old replica may go: 2 available old pods are exactly replicas - maxUnavailable.
        var update = Assert.Single(plan.ReplicaSetsToUpdate);
        Assert.Equal(("web-old", 2, 3), (update.Name, update.Replicas, update.PreviousReplicas));
    }

    [Fact]
    public void Plan_BeingDeleted_OnlyReportsStatus()
    {
        var deployment = Objects.Deployment();
        deployment.Metadata.DeletionTimestamp = Now;

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [], [], Now));

        Assert.Null(plan.ReplicaSetToCreate);
        Assert.Empty(plan.ReplicaSetsToUpdate);
        Assert.Equal(1, plan.Status.ObservedGeneration);
    }

    [Fact]
    public void Plan_SelectorSelectingEverything_DoesNothing()
    {
        var deployment = Objects.Deployment();
        deployment.Spec.Selector = new V1LabelSelector();

        var plan = DeploymentPlanner.Plan(new DeploymentObservation(deployment, [], [], Now));

        Assert.Null(plan.ReplicaSetToCreate);
        Assert.Equal(1, plan.Status.ObservedGeneration);
    }

    [Fact]
    public void Plan_Recreate_UnknownPhaseOldPodStillBlocksTheNewReplicaSet()
    {
        var cluster = new FakeCluster(Objects.Deployment(1, strategy: RolloutMath.Recreate));
        cluster.Sync();
        cluster.RunKubelet();
        cluster.UpdateSpec(spec => spec.Template = Objects.Template("web:2"));
        cluster.Sync();

        // The pod went away from the replica set's view (deleted) but its node is unreachable: phase Unknown.
        var pod = cluster.Pods.Single();
        pod.Status.Phase = "Unknown";

        Assert.Null(DeploymentPlanner.Plan(new DeploymentObservation(cluster.Deployment, cluster.ReplicaSets, cluster.Pods, cluster.Now)).ReplicaSetToCreate);
        pod.Status.Phase = "Failed";
        Assert.NotNull(DeploymentPlanner.Plan(new DeploymentObservation(cluster.Deployment, cluster.ReplicaSets, cluster.Pods, cluster.Now)).ReplicaSetToCreate);
    }
}
