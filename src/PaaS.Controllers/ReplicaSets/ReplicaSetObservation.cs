using k8s.Models;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>What the replica set reconciler read before planning.</summary>
/// <param name="ReplicaSet">The replica set as stored (spec defaulted).</param>
/// <param name="Pods">
/// Pods in its namespace that it may own: those with its controller reference and those matching its selector.
/// Others are ignored, so passing every pod of the namespace is also correct.
/// </param>
/// <param name="ExpectationsSatisfied">
/// <see cref="Expectations.Satisfied"/> for the replica set's key: while earlier creates or deletes are still unobserved
/// the planner does not create or delete again, because the pod list is stale.
/// </param>
/// <param name="Now">The time to judge minReadySeconds and stamp conditions with.</param>
public sealed record ReplicaSetObservation(V1ReplicaSet ReplicaSet, IReadOnlyList<V1Pod> Pods, bool ExpectationsSatisfied, DateTime Now);
