using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Recovery time of the failover drill. Baseline: the messages sent before the kill — their ack latency p99 and
/// their processing lag p99 (<c>inbound_webhooks.processed_at − received_at</c>). A message sent after the kill is
/// abnormal when its first post was not acknowledged, its ack took longer than max(1 s, 3 × baseline ack p99), or its
/// processing lag exceeded max(1 s, 3 × baseline processing p99) (or it was never processed). Recovery time = the
/// latest moment an abnormal message completed (ack for ack problems, processed_at for processing problems) minus
/// the kill time; 0 when no message was abnormal.
/// </summary>
public sealed record RecoveryAnalysis(double RecoverySeconds, double BaselineAckP99Ms, double BaselineProcessingP99Ms, int AbnormalAfterKill, string Rule)
{
    public static RecoveryAnalysis Analyze(
        IEnumerable<WebhookOutcome> outcomes, IReadOnlyDictionary<string, (DateTimeOffset Received, DateTimeOffset? Processed)> inbox, DateTimeOffset killedAt)
    {
        var all = outcomes.ToList();
        var before = all.Where(o => o.SentAt < killedAt && o.Acknowledged).ToList();
        var ackP99 = P99(before.Select(o => o.Latency.TotalMilliseconds));
        var procP99 = P99(before.Select(o => inbox.TryGetValue(o.Message.MessageSid, out var t) && t.Processed is { } p ? (p - t.Received).TotalMilliseconds : 0));
        var ackLimit = TimeSpan.FromMilliseconds(Math.Max(1000, 3 * ackP99));
        var procLimit = TimeSpan.FromMilliseconds(Math.Max(1000, 3 * procP99));

        var latest = killedAt;
        var abnormal = 0;
        foreach (var o in all.Where(o => o.SentAt >= killedAt))
        {
            var isAbnormal = false;
            if (o.Attempts > 1 || !o.Acknowledged || o.Latency > ackLimit)
            {
                isAbnormal = true;
                latest = Max(latest, o.FinishedAt);
            }

            if (o.Acknowledged && inbox.TryGetValue(o.Message.MessageSid, out var t) && (t.Processed is not { } processed || processed - t.Received > procLimit))
            {
                isAbnormal = true;
                latest = Max(latest, t.Processed ?? DateTimeOffset.UtcNow);
            }

            abnormal += isAbnormal ? 1 : 0;
        }

        var rule = $"last completion of a post-kill message whose first post failed, whose ack took > {ackLimit.TotalMilliseconds:0} ms, "
            + $"or whose processing lag was > {procLimit.TotalMilliseconds:0} ms (= max(1 s, 3 × pre-kill p99)), minus the kill time";
        return new RecoveryAnalysis((latest - killedAt).TotalSeconds, ackP99, procP99, abnormal, rule);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static double P99(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
    }
}
