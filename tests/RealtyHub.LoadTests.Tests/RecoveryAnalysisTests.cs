using RealtyHub.LoadTests.Scenarios;
using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Tests;

public sealed class RecoveryAnalysisTests
{
    private static readonly DateTimeOffset Kill = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_abnormal_after_the_kill_is_zero_recovery()
    {
        var (outcomes, inbox) = Messages(
            (-2, true, 1, 10, 20),
            (1, true, 1, 12, 25));

        var analysis = RecoveryAnalysis.Analyze(outcomes, inbox, Kill);

        Assert.Equal(0, analysis.RecoverySeconds);
        Assert.Equal(0, analysis.AbnormalAfterKill);
    }

    [Fact]
    public void Recovery_ends_at_the_last_completion_of_a_retried_ack_or_a_slow_processing()
    {
        var (outcomes, inbox) = Messages(
            (-2, true, 1, 10, 20),
            (1, true, 3, 2_500, 20),     // acked on the third attempt, 2.5 s after sending at +1 s → +3.5 s
            (2, true, 1, 10, 6_000),     // processed 6 s after it was stored at ~+2 s → ~+8 s
            (9, true, 1, 10, 30));

        var analysis = RecoveryAnalysis.Analyze(outcomes, inbox, Kill);

        Assert.Equal(2, analysis.AbnormalAfterKill);
        Assert.InRange(analysis.RecoverySeconds, 7.9, 8.1);
    }

    private static (List<WebhookOutcome>, Dictionary<string, (DateTimeOffset, DateTimeOffset?)>) Messages(
        params (double SentAfterKill, bool Acked, int Attempts, double AckMs, double ProcessingMs)[] messages)
    {
        var outcomes = new List<WebhookOutcome>();
        var inbox = new Dictionary<string, (DateTimeOffset, DateTimeOffset?)>();
        foreach (var (i, m) in messages.Index())
        {
            var sid = $"SM{i:D32}";
            var sent = Kill.AddSeconds(m.SentAfterKill);
            var acked = sent.AddMilliseconds(m.AckMs);
            outcomes.Add(new WebhookOutcome(new WebhookMessage(sid, "b", "+97145100000", "+971501000000", new Uri("http://127.0.0.1/"), "hi"),
                m.Acked, m.Attempts, 200, TimeSpan.FromMilliseconds(m.AckMs), sent, acked));
            inbox[sid] = (acked, acked.AddMilliseconds(m.ProcessingMs));
        }

        return (outcomes, inbox);
    }
}
