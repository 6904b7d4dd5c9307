using k8s.Models;
using PaaS.Controllers.Deployments;
using PaaS.Controllers.ReplicaSets;

namespace PaaS.Controllers.Tests.Simulation;

/// <summary>
/// A tiny in-memory cluster that runs both planners the way the reconcilers will: plan, apply the plan as the API server
/// would (uids, generations, timestamps), and let a fake kubelet start and stop pods.
/// </summary>
internal sealed class FakeCluster
{
    private int nextId;

    public FakeCluster(V1Deployment deployment, DateTime? now = null)
    {
        Deployment = deployment;
        Now = now ?? Objects.T0;
    }

    public V1Deployment Deployment { get; private set; }

    public List<V1ReplicaSet> ReplicaSets { get; } = [];

    public List<V1Pod> Pods { get; } = [];

    public DateTime Now { get; set; }

    public DeploymentPlan? LastPlan { get; private set; }

    public IEnumerable<V1Pod> ActivePods => Pods.Where(PodAvailability.IsActive);

    public int AvailablePods => ActivePods.Count(p => PodAvailability.IsAvailable(p, Deployment.Spec.MinReadySeconds ?? 0, Now));

    public V1ReplicaSet ReplicaSetWithImage(string image) =>
        ReplicaSets.Single(rs => rs.Spec.Template.Spec.Containers[0].Image == image);

    public IEnumerable<V1Pod> PodsOf(V1ReplicaSet rs) => ActivePods.Where(p => ControllerReferences.IsControlledBy(p.Metadata, rs.Metadata.Uid));

    /// <summary>The user edits the spec: the API server bumps the generation.</summary>
    public void UpdateSpec(Action<V1DeploymentSpec> change)
    {
        var updated = Objects.Copy(Deployment);
        change(updated.Spec);
        updated.Metadata.Generation++;
        Deployment = updated;
    }

    /// <summary>One deployment sync, then one sync of every replica set. Returns the deployment plan.</summary>
    public DeploymentPlan Sync()
    {
        var plan = DeploymentPlanner.Plan(new DeploymentObservation(Deployment, ReplicaSets.ToList(), Pods.ToList(), Now));
        Apply(plan);
        foreach (var rs in ReplicaSets.ToList())
        {
            Apply(rs, ReplicaSetPlanner.Plan(new ReplicaSetObservation(rs, Pods.ToList(), ExpectationsSatisfied: true, Now)));
        }

        LastPlan = plan;
        return plan;
    }

    /// <summary>The kubelet: terminating pods go away, and pending pods start and turn ready (at most <paramref name="limit"/>).</summary>
    public void RunKubelet(int limit = int.MaxValue)
    {
        Pods.RemoveAll(p => p.Metadata.DeletionTimestamp is not null);
        foreach (var pod in Pods.Where(p => p.Status.Phase == "Pending").Take(limit))
        {
            pod.Status.Phase = "Running";
            pod.Status.Conditions = [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = Now }];
        }
    }

    public bool IsSteady(DeploymentPlan plan) =>
        plan.ReplicaSetToCreate is null && plan.ReplicaSetsToUpdate.Count == 0 && plan.ReplicaSetsToDelete.Count == 0 && !plan.StatusChanged && plan.RequeueAfter is null
        && Pods.All(p => p.Metadata.DeletionTimestamp is null && p.Status.Phase == "Running")
        && ReplicaSets.All(rs => PodsOf(rs).Count() == rs.Spec.Replicas);

    private void Apply(DeploymentPlan plan)
    {
        if (plan.ReplicaSetToCreate is { } created)
        {
            var rs = Objects.Copy(created);
            rs.Metadata.Uid = $"rs-uid-{++nextId}";
            rs.Metadata.CreationTimestamp = Now.AddTicks(nextId);
            rs.Metadata.Generation = 1;
            ReplicaSets.Add(rs);
        }

        foreach (var update in plan.ReplicaSetsToUpdate)
        {
            var index = ReplicaSets.FindIndex(rs => rs.Metadata.Name == update.Name);
            var rs = Objects.Copy(update.ReplicaSet);
            if (update.Scaled)
            {
                rs.Metadata.Generation++;
            }

            ReplicaSets[index] = rs;
        }

        foreach (var deleted in plan.ReplicaSetsToDelete)
        {
            ReplicaSets.RemoveAll(rs => rs.Metadata.Name == deleted.Metadata.Name);
            Pods.RemoveAll(p => ControllerReferences.IsControlledBy(p.Metadata, deleted.Metadata.Uid));
        }

        var deployment = Objects.Copy(Deployment);
        deployment.Status = Objects.Copy(plan.Status);
        if (plan.RevisionToRecord is { } revision)
        {
            deployment.Metadata.Annotations ??= new Dictionary<string, string>();
            deployment.Metadata.Annotations[DeploymentAnnotations.Revision] = revision;
        }

        Deployment = deployment;
    }

    private void Apply(V1ReplicaSet rs, ReplicaSetPlan plan)
    {
        for (var i = 0; i < plan.PodsToCreate; i++)
        {
            var pod = Objects.Copy(plan.PodToCreate!);
            pod.Metadata.Name = pod.Metadata.GenerateName + (++nextId);
            pod.Metadata.Uid = pod.Metadata.Name + "-uid";
            pod.Metadata.CreationTimestamp = Now;
            pod.Spec.NodeName = "node-1";
            pod.Status = new V1PodStatus { Phase = "Pending" };
            Pods.Add(pod);
        }

        foreach (var pod in plan.PodsToDelete)
        {
            // Deleted pods terminate gracefully: still running until the kubelet's next pass.
            Pods.Single(p => p.Metadata.Name == pod.Metadata.Name).Metadata.DeletionTimestamp = Now;
        }

        rs.Status = plan.Status;
    }
}
