namespace PaaS.Scheduler.Framework;

/// <summary>
/// The three resources the scheduler places by: CPU in millicores, memory in bytes and a number of pods.
/// Whole numbers, like kube-scheduler's framework.Resource, so that sums over thousands of pods stay exact and cheap.
/// </summary>
public readonly record struct ResourceAmounts(long MilliCpu, long Memory, long Pods)
{
    public static ResourceAmounts Zero => default;

    public static ResourceAmounts operator +(ResourceAmounts left, ResourceAmounts right) =>
        new(left.MilliCpu + right.MilliCpu, left.Memory + right.Memory, left.Pods + right.Pods);

    public static ResourceAmounts Add(ResourceAmounts left, ResourceAmounts right) => left + right;
}
