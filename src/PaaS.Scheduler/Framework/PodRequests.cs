using k8s.Models;
using PaaS.Core.Quantities;

namespace PaaS.Scheduler.Framework;

/// <summary>
/// A pod's effective CPU and memory requests as Kubernetes computes them (component-helpers resource.PodRequests):
/// the larger of the regular containers' sum and the most any init step needs, restartable init containers
/// (sidecars) running beside everything started after them, plus the pod overhead.
/// </summary>
internal static class PodRequests
{
    /// <summary>What kube-scheduler assumes for a container without a CPU request when it scores (DefaultMilliCPURequest).</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>What kube-scheduler assumes for a container without a memory request when it scores (DefaultMemoryRequest, 200 MiB).</summary>
    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    /// <summary>
    /// The requests, with <see cref="ResourceAmounts.Pods"/> = 1. With <paramref name="nonZero"/>, a container that
    /// states no CPU or memory request counts the defaults above, so that best-effort pods still spread when scored.
    /// </summary>
    /// <exception cref="FormatException">A request or overhead is not a Kubernetes quantity.</exception>
    public static ResourceAmounts Of(V1PodSpec? spec, bool nonZero)
    {
        if (spec is null)
        {
            return new ResourceAmounts(0, 0, 1);
        }

        var total = ResourceAmounts.Zero;
        foreach (var container in spec.Containers ?? [])
        {
            total += OfContainer(container.Resources?.Requests, nonZero);
        }

        var sidecars = ResourceAmounts.Zero;
        var initPeak = ResourceAmounts.Zero;
        foreach (var container in spec.InitContainers ?? [])
        {
            var own = OfContainer(container.Resources?.Requests, nonZero);
            if (container.RestartPolicy == "Always")
            {
                // A sidecar runs for the pod's whole life: beside the regular containers and every later init step.
                total += own;
                sidecars += own;
                initPeak = Max(initPeak, sidecars);
            }
            else
            {
                initPeak = Max(initPeak, own + sidecars);
            }
        }

        total = Max(total, initPeak);
        var overhead = spec.Overhead;
        total += new ResourceAmounts(Read(overhead, "cpu", milli: true) ?? 0, Read(overhead, "memory", milli: false) ?? 0, 0);
        return total with { Pods = 1 };
    }

    private static ResourceAmounts OfContainer(IDictionary<string, ResourceQuantity>? requests, bool nonZero) => new(
        Read(requests, "cpu", milli: true) ?? (nonZero ? DefaultMilliCpuRequest : 0),
        Read(requests, "memory", milli: false) ?? (nonZero ? DefaultMemoryRequest : 0),
        0);

    // Null when the resource is not stated: an explicit 0 stays 0 even for nonZero, as in Kubernetes.
    private static long? Read(IDictionary<string, ResourceQuantity>? list, string name, bool milli)
    {
        if (list is null || !list.TryGetValue(name, out var quantity) || quantity is null)
        {
            return null;
        }

        var parsed = Quantity.Parse(quantity.ToString());
        return milli ? parsed.ToMilli() : parsed.ToLongCeiling();
    }

    private static ResourceAmounts Max(ResourceAmounts a, ResourceAmounts b) =>
        new(Math.Max(a.MilliCpu, b.MilliCpu), Math.Max(a.Memory, b.Memory), Math.Max(a.Pods, b.Pods));
}
