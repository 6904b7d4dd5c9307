using k8s.Models;

namespace PaaS.Core.Defaults;

/// <summary>
/// SetDefaults_LimitRangeItem: for type Container, <c>default</c> falls back to <c>max</c>, and <c>defaultRequest</c>
/// to <c>default</c> and then to <c>min</c>. Idempotent, so LimitRanger can run it again on ranges stored before it existed.
/// </summary>
internal static class LimitRangeDefaults
{
    public const string Container = "Container";

    public static void Apply(V1LimitRangeItem item)
    {
        if (item.Type != Container)
        {
            return;
        }

        item.DefaultProperty ??= new Dictionary<string, ResourceQuantity>();
        item.DefaultRequest ??= new Dictionary<string, ResourceQuantity>();
        FillMissing(item.DefaultProperty, item.Max);
        FillMissing(item.DefaultRequest, item.DefaultProperty);
        FillMissing(item.DefaultRequest, item.Min);
    }

    private static void FillMissing(IDictionary<string, ResourceQuantity> into, IDictionary<string, ResourceQuantity>? from)
    {
        foreach (var (name, value) in from ?? new Dictionary<string, ResourceQuantity>())
        {
            if (value is not null && !into.ContainsKey(name))
            {
                into[name] = new ResourceQuantity(value.ToString());
            }
        }
    }
}
