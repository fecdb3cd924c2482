namespace RealtyHub.LoadTests.Verification;

/// <summary>
/// What the database holds for the acknowledged webhooks after the drain. Lost: acknowledged (200) but no
/// <c>messages</c> row. Duplicated: rows beyond one per MessageSid, in <c>messages</c> and in <c>inbound_webhooks</c>.
/// </summary>
public sealed record DeliveryAudit(long Acknowledged, long InMessages, long InInbox, long Lost, long DuplicatedMessages, long DuplicatedInbox, long Unprocessed, TimeSpan DrainTime)
{
    public long Duplicated => DuplicatedMessages + DuplicatedInbox;
}
