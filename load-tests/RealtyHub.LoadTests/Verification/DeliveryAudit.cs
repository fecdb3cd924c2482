namespace RealtyHub.LoadTests.Verification;

/// <summary>
/// What the database holds for the acknowledged webhooks after the drain. Lost: acknowledged (200) but in neither
/// <c>messages</c> nor <c>inbound_webhooks</c>. Unprocessed: stored (durable) but not yet turned into a message when the
/// drain ended — a backlog, not a loss. Duplicated: rows beyond one per MessageSid, in <c>messages</c> and in
/// <c>inbound_webhooks</c>, counted in one snapshot.
/// </summary>
public sealed record DeliveryAudit(long Acknowledged, long InMessages, long InInbox, long Lost, long DuplicatedMessages, long DuplicatedInbox, long Unprocessed, TimeSpan DrainTime)
{
    public long Duplicated => DuplicatedMessages + DuplicatedInbox;
}
