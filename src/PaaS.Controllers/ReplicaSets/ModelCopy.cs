using System.Text.Json;
using PaaS.Core.Resources;

namespace PaaS.Controllers.ReplicaSets;

/// <summary>
/// Deep copies of k8s.Models objects. The models have no DeepCopy, and a planner must never mutate what the caller
/// observed: the caller may hand the same objects to the next reconcile.
/// </summary>
internal static class ModelCopy
{
    public static T DeepCopy<T>(T model)
        where T : class =>
        JsonSerializer.Deserialize<T>(ObjectJson.Serialize(model), ObjectJson.Options)
            ?? throw new InvalidOperationException($"copying a {typeof(T).Name} produced null");
}
