namespace PaaS.ApiServer.Outbox;

/// <summary>Wakes the relay right after a commit so events leave within milliseconds, not at the next poll.</summary>
internal sealed class OutboxSignal : WakeSignal;
