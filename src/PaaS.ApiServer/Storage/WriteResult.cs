namespace PaaS.ApiServer.Storage;

/// <summary>What a write did; <see cref="Stored"/> is set when it was <see cref="WriteOutcome.Written"/>.</summary>
internal sealed record WriteResult(WriteOutcome Outcome, StoredRecord? Stored = null);
