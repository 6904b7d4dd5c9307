using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using PaaS.Core.Labels;
using PaaS.Core.Resources;
using static PaaS.Core.Printing.JsonFields;

namespace PaaS.Core.Printing;

/// <summary>Deployments and ReplicaSets, with the pod template's containers and images in the wide columns.</summary>
internal static class WorkloadTables
{
    public static KindTable Deployment { get; } = new(
        [
            TableColumn.NameColumn,
            new("Ready", "string", ColumnDescriptions.WorkloadReady),
            new("Up-to-date", "string", ColumnDescriptions.DeploymentUpdatedReplicas),
            new("Available", "string", ColumnDescriptions.DeploymentAvailableReplicas),
            TableColumn.AgeColumn,
            TableColumn.Wide("Containers", ColumnDescriptions.TemplateContainers),
            TableColumn.Wide("Images", ColumnDescriptions.TemplateImages),
            TableColumn.Wide("Selector", ColumnDescriptions.DeploymentSelector),
        ],
        PrintDeployment);

    public static KindTable ReplicaSet { get; } = new(
        [
            TableColumn.NameColumn,
            new("Desired", "integer", ColumnDescriptions.ReplicaSetDesired),
            new("Current", "integer", ColumnDescriptions.ReplicaSetCurrent),
            new("Ready", "integer", ColumnDescriptions.ReplicaSetReady),
            TableColumn.AgeColumn,
            TableColumn.Wide("Containers", ColumnDescriptions.TemplateContainers),
            TableColumn.Wide("Images", ColumnDescriptions.TemplateImages),
            TableColumn.Wide("Selector", ColumnDescriptions.ReplicaSetSelector),
        ],
        PrintReplicaSet);

    private static PrintedRow PrintDeployment(JsonObject deployment, DateTimeOffset now)
    {
        var (names, images) = ContainerCells(deployment);

        // Deployments print the bare selector string: "" when empty, "<invalid>" when it cannot be parsed.
        var selector = Selector(deployment) is { } parsed ? parsed.ToString() : "<invalid>";
        return PrintedRow.Of(
            Text(deployment, "metadata", "name"),
            string.Create(CultureInfo.InvariantCulture, $"{Number(deployment, "status", "readyReplicas")}/{DesiredReplicas(deployment)}"),
            Number(deployment, "status", "updatedReplicas"),
            Number(deployment, "status", "availableReplicas"),
            HumanDuration.Since(Time(deployment, "metadata", "creationTimestamp"), now),
            names,
            images,
            selector);
    }

    private static PrintedRow PrintReplicaSet(JsonObject replicaSet, DateTimeOffset now)
    {
        var (names, images) = ContainerCells(replicaSet);

        // metav1.FormatLabelSelector: "<none>" when empty, "<error>" when it cannot be parsed.
        var selector = Selector(replicaSet) is { } parsed ? parsed.ToString() : "<error>";
        return PrintedRow.Of(
            Text(replicaSet, "metadata", "name"),
            DesiredReplicas(replicaSet),
            Number(replicaSet, "status", "replicas"),
            Number(replicaSet, "status", "readyReplicas"),
            HumanDuration.Since(Time(replicaSet, "metadata", "creationTimestamp"), now),
            names,
            images,
            selector.Length == 0 ? "<none>" : selector);
    }

    /// <summary>spec.replicas; a stored object lacking it was written before defaulting, and Kubernetes defaults it to 1.</summary>
    private static long DesiredReplicas(JsonObject workload) =>
        Has(workload, "spec", "replicas") ? Number(workload, "spec", "replicas") : 1;

    /// <summary>layoutContainerCells: names and images of the template's containers, comma-joined in order.</summary>
    private static (string Names, string Images) ContainerCells(JsonObject workload)
    {
        var containers = Objects(workload, "spec", "template", "spec", "containers").ToList();
        return (string.Join(',', containers.Select(c => Text(c, "name"))), string.Join(',', containers.Select(c => Text(c, "image"))));
    }

    /// <summary>LabelSelectorAsSelector of spec.selector; null when Kubernetes would fail to convert it.</summary>
    private static LabelSelector? Selector(JsonObject workload)
    {
        try
        {
            var model = Object(workload, "spec", "selector")?.Deserialize<V1LabelSelector>(ObjectJson.Options);
            return LabelSelector.FromModel(model);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
