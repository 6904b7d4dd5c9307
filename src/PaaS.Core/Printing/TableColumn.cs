using System.Text.Json.Nodes;

namespace PaaS.Core.Printing;

/// <summary>
/// One metav1.TableColumnDefinition. Priority 0 columns are kubectl's default view; priority 1 appear with <c>-o wide</c>.
/// </summary>
/// <param name="Type">The OpenAPI type Kubernetes declares; it does not always match the cell (Deployment's "Up-to-date" is
/// declared "string" but holds integers), and is copied as Kubernetes has it.</param>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "")
{
    public static TableColumn NameColumn { get; } = new("Name", "string", ColumnDescriptions.ObjectName, Format: "name");

    public static TableColumn AgeColumn { get; } = new("Age", "string", ColumnDescriptions.CreationTimestamp);

    public static TableColumn Wide(string name, string description) => new(name, "string", description, Priority: 1);

    /// <summary>Go emits every field (no omitempty), so empty format and zero priority are written out.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
