using System.Text.Json.Serialization;

namespace PaaS.Core.Logs;

/// <summary>
/// <c>GET /apis/paas.dev/v1/nodes/{node}/logcursors</c>: for each of the node's containers (by Docker id), the
/// RFC 3339 time of its newest stored line, where a restarted agent resumes shipping.
/// </summary>
public sealed record LogCursors([property: JsonPropertyName("cursors")] IReadOnlyDictionary<string, string> Cursors);
