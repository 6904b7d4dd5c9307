using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>What the deployment reconciler read before planning.</summary>
/// <param name="Deployment">The deployment as stored (defaulted by the API server: strategy, revisionHistoryLimit, progressDeadlineSeconds).</param>
/// <param name="ReplicaSets">Its replica sets: those whose controller reference carries the deployment's uid; others are ignored.</param>
/// <param name="Pods">
/// The pods of those replica sets (by controller reference), terminating ones included: availability is judged from the
/// pods themselves, so a replica set status that lags behind cannot push a rollout past its limits, and Recreate waits for
/// terminating old pods to finish.
/// </param>
/// <param name="Now">The time for minReadySeconds, the progress deadline and condition timestamps.</param>
public sealed record DeploymentObservation(V1Deployment Deployment, IReadOnlyList<V1ReplicaSet> ReplicaSets, IReadOnlyList<V1Pod> Pods, DateTime Now);
