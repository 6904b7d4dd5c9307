using System.Text.Json.Serialization;

namespace PaaS.Core.Logs;

/// <summary>
/// One line of a container's output as node agents ship it (<c>POST /apis/paas.dev/v1/nodes/{node}/logs</c>,
/// body <see cref="LogBatch"/>). <see cref="Attempt"/> is the container's restartCount when it was created;
/// <see cref="Time"/> is Docker's RFC 3339 timestamp of the line, with nanoseconds.
/// </summary>
public sealed record LogEntry(
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("pod")] string Pod,
    [property: JsonPropertyName("podUid")] string PodUid,
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("containerId")] string ContainerId,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("line")] string Line);
