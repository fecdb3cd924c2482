using System.Diagnostics;
using System.Globalization;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;
using RealtyHub.LoadTests.Verification;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 5: webhooks at <c>--rate</c> spread over every web node of a scale-out cluster; halfway through, one
/// headless silo is SIGKILLed. The sender retries a failed post of the same MessageSid like Twilio (1 s apart, up
/// to 10 attempts). Lost and duplicated are counted in PostgreSQL after the drain. See <see cref="RecoveryAnalysis"/>
/// for the recovery time.
/// </summary>
public static class FailoverScenario
{
    public static async Task<ScenarioResult> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var victim = environment.Silos.FirstOrDefault(s => !s.HasExited)
            ?? throw new InvalidOperationException("The failover drill needs at least one running headless silo (start with --silos 3).");
        var webs = environment.Webs.Select(w => w.BaseAddress).ToList();
        using var http = HubEnvironment.CreateLoadClient();
        var run = new WebhookRun(new MessageFactory(brokerages, webs, settings.Clients, settings.Seed + 3000),
            new WebhookSender(http, maxAttempts: 10, retryDelay: TimeSpan.FromSeconds(1)));

        await using var sampler = new ProcessSampler([.. environment.All.Select(p => (p.Name, p.Pid))]);
        var clock = Stopwatch.StartNew();
        DateTimeOffset? killedAt = null;
        var killedAfter = TimeSpan.Zero;
        var killer = Task.Run(async () =>
        {
            await Task.Delay(settings.Duration / 2, cancellationToken);
            killedAt = DateTimeOffset.UtcNow;
            killedAfter = clock.Elapsed;
            victim.Kill();
        }, cancellationToken);
        await run.AtRateAsync(settings.Rate, settings.Duration, p => progress(p * 0.8), cancellationToken);
        await killer;
        var seconds = clock.Elapsed.TotalSeconds;

        var acked = run.AcknowledgedSids();
        var audit = await DatabaseVerifier.AuditAsync(environment.ConnectionString, acked, WebhookFloodScenario.DrainTimeout, cancellationToken);
        progress(0.95);
        var inbox = await DatabaseVerifier.InboxTimesAsync(environment.ConnectionString, acked, cancellationToken);
        var recovery = RecoveryAnalysis.Analyze(run.Outcomes, inbox, killedAt!.Value);
        progress(1);
        return new ScenarioResult("failover", $"Webhooks over {webs.Count} web nodes while {victim.Name} (1 of {environment.Silos.Count} headless silos) is SIGKILLed halfway",
            seconds, acked.Count, acked.Count / seconds, "acked webhooks/s", run.AckLatency.Summarize(),
            run.Outcomes.Count - acked.Count, audit, sampler.Snapshot(),
            [
                new("topology", $"{webs.Count} web processes (co-hosted silos) + {environment.Silos.Count} headless silos, one PostgreSQL"),
                new("killed", $"{victim.Name} (pid {victim.Pid}) at t+{killedAfter.TotalSeconds:0.0} s"),
                new("sent / acked / never acked", $"{run.Outcomes.Count} / {acked.Count} / {run.Outcomes.Count - acked.Count}"),
                new("posts that needed a retry", run.Outcomes.Count(o => o.Attempts > 1).ToString(CultureInfo.InvariantCulture)),
                new("recovery time (s)", recovery.RecoverySeconds.ToString("0.00", CultureInfo.InvariantCulture)),
                new("recovery rule", recovery.Rule),
                new("baseline ack p99 / processing p99 (ms)", string.Create(CultureInfo.InvariantCulture, $"{recovery.BaselineAckP99Ms:0} / {recovery.BaselineProcessingP99Ms:0}")),
                new("abnormal messages after the kill", recovery.AbnormalAfterKill.ToString(CultureInfo.InvariantCulture)),
            ]);
    }
}
