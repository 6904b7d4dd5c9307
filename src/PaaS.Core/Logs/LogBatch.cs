using System.Text.Json.Serialization;

namespace PaaS.Core.Logs;

/// <summary>The body of a log shipment: lines of one node's containers, stored all or none.</summary>
public sealed record LogBatch([property: JsonPropertyName("entries")] IReadOnlyList<LogEntry> Entries);
