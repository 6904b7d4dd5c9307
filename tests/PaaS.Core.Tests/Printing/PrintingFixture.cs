using System.Text.Json.Nodes;
using PaaS.Core.Printing;
using PaaS.Core.Resources;
using PaaS.Core.Tests.Serialization;

namespace PaaS.Core.Tests.Printing;

/// <summary>Prints objects written as JSON against a fixed clock; timestamps in fixtures are relative to <see cref="Now"/>.</summary>
internal static class PrintingFixture
{
    public static readonly DateTimeOffset Now = new(2025, 1, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Created five minutes before <see cref="Now"/>.</summary>
    public const string Created = "2025-01-10T11:55:00Z";

    public static JsonObject PrintWith(ResourceType type, string includeObject, params string[] objects) =>
        TablePrinter.Print(type, objects.Select(o => JsonNode.Parse(o)!.AsObject()).ToList(), "42", includeObject, Now);

    public static JsonObject Print(ResourceType type, params string[] objects) => PrintWith(type, "Metadata", objects);

    /// <summary>The first row's cells as compact JSON, so string and integer cells are told apart.</summary>
    public static string Cells(ResourceType type, string obj) => CellsOf(Print(type, obj));

    public static string CellsOf(JsonObject table, int row = 0) => JsonText.Of(table["rows"]![row]!["cells"]);

    /// <summary>"Name:priority" for every column, in order.</summary>
    public static string Columns(ResourceType type) =>
        string.Join(",", Print(type)["columnDefinitions"]!.AsArray().Select(c => $"{c!["name"]}:{c["priority"]}"));
}
