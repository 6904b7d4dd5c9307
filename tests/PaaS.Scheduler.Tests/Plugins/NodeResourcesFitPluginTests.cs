using k8s.Models;
using PaaS.Scheduler.Plugins;

namespace PaaS.Scheduler.Tests.Plugins;

public class NodeResourcesFitPluginTests
{
    private readonly NodeResourcesFitPlugin plugin = new();

    [Fact]
    public void Filter_RequestEqualToWhatIsLeft_Fits()
    {
        var node = Make.Info(Make.Node("n1", cpu: "2", memory: "4Gi"), Make.Pod("old", cpu: "500m", memory: "1Gi", nodeName: "n1"));

        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p", cpu: "1500m", memory: "3Gi"), node).IsSuccess);
    }

    [Fact]
    public void Filter_CpuShort_ReportsInsufficientCpu()
    {
        var node = Make.Info(Make.Node("n1", cpu: "2"), Make.Pod("old", cpu: "1", nodeName: "n1"));

        Assert.Equal(["Insufficient cpu"], PluginRunner.Filter(plugin, Make.Pod("p", cpu: "1001m"), node).Reasons);
    }

    [Fact]
    public void Filter_CpuAndMemoryShort_ReportsBoth()
    {
        var node = Make.Info(Make.Node("n1", cpu: "1", memory: "1Gi"));

        var status = PluginRunner.Filter(plugin, Make.Pod("p", cpu: "2", memory: "2Gi"), node);

        Assert.Equal(["Insufficient cpu", "Insufficient memory"], status.Reasons);
    }

    [Fact]
    public void Filter_NoPodSlotLeft_ReportsTooManyPods()
    {
        var node = Make.Info(Make.Node("n1", pods: 1), Make.Pod("old", nodeName: "n1"));

        Assert.Equal(["Too many pods"], PluginRunner.Filter(plugin, Make.Pod("p"), node).Reasons);
    }

    [Fact]
    public void Filter_PodWithoutRequestsOnOvercommittedNode_Fits()
    {
        var node = Make.Info(Make.Node("n1", cpu: "1"), Make.Pod("old", cpu: "3", nodeName: "n1"));

        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p"), node).IsSuccess);
    }

    [Fact]
    public void Filter_InitContainerLargerThanContainers_UsesTheInitContainer()
    {
        var pod = Make.Pod("p", cpu: "1");
        pod.Spec.InitContainers = [Container("init", "3")];

        Assert.Equal(["Insufficient cpu"], PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n1", cpu: "2"))).Reasons);
        Assert.True(PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n2", cpu: "3"))).IsSuccess);
    }

    [Fact]
    public void Filter_SidecarInitContainer_AddsToTheContainers()
    {
        // 1 (app) + 1 (sidecar, restartPolicy Always) = 2 > 1.5, although no single container asks more than 1.
        var pod = Make.Pod("p", cpu: "1");
        var sidecar = Container("proxy", "1");
        sidecar.RestartPolicy = "Always";
        pod.Spec.InitContainers = [sidecar];

        Assert.Equal(["Insufficient cpu"], PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n1", cpu: "1500m"))).Reasons);
    }

    [Fact]
    public void Filter_PodOverhead_Counts()
    {
        var pod = Make.Pod("p", memory: "1Gi");
        pod.Spec.Overhead = new Dictionary<string, ResourceQuantity> { ["memory"] = new("512Mi") };

        Assert.Equal(["Insufficient memory"], PluginRunner.Filter(plugin, pod, Make.Info(Make.Node("n1", memory: "1Gi"))).Reasons);
    }

    [Fact]
    public void Filter_NodeWithoutAllocatable_UsesCapacity()
    {
        var node = Make.Node("n1");
        node.Status.Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("1Gi"), ["pods"] = new("10") };
        node.Status.Allocatable = null;

        Assert.True(PluginRunner.Filter(plugin, Make.Pod("p", cpu: "1"), Make.Info(node)).IsSuccess);
        Assert.Equal(["Insufficient cpu"], PluginRunner.Filter(plugin, Make.Pod("p", cpu: "1100m"), Make.Info(node)).Reasons);
    }

    private static V1Container Container(string name, string cpu) => new()
    {
        Name = name,
        Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu) } },
    };
}
