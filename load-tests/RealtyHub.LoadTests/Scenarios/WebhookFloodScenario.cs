using System.Diagnostics;
using System.Globalization;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;
using RealtyHub.LoadTests.Verification;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 1: correctly signed Twilio inbound messages from many clients across brokerages (Zipf-like), first
/// open-loop at <c>--rate</c>, then flat out with <c>--concurrency</c> workers. Latency = intended send → 200 ack.
/// After each phase the acknowledged sids are checked in PostgreSQL once processing drains.
/// </summary>
public static class WebhookFloodScenario
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var webs = environment.Webs.Select(w => w.BaseAddress).ToList();
        using var http = HubEnvironment.CreateLoadClient();
        var sender = new WebhookSender(http);

        var fixedRate = new WebhookRun(new MessageFactory(brokerages, webs, settings.Clients, settings.Seed), sender);
        var atRate = await MeasureAsync(environment, "webhooks-rate", $"Signed inbound webhooks, open loop at {settings.Rate.ToString(CultureInfo.InvariantCulture)}/s",
            fixedRate, (p, ct) => fixedRate.AtRateAsync(settings.Rate, settings.Duration, p, ct), p => progress(p / 2), cancellationToken);

        var flatOut = new WebhookRun(new MessageFactory(brokerages, webs, settings.Clients, settings.Seed + 1000), sender);
        var max = await MeasureAsync(environment, "webhooks-max", $"Signed inbound webhooks, closed loop with {settings.Concurrency} concurrent senders (max rate)",
            flatOut, (p, ct) => flatOut.FlatOutAsync(settings.Concurrency, settings.Duration, p, ct), p => progress(0.5 + (p / 2)), cancellationToken);
        return [atRate, max];
    }

    private static async Task<ScenarioResult> MeasureAsync(
        HubEnvironment environment, string name, string measures, WebhookRun run, Func<Action<double>, CancellationToken, Task> drive, Action<double> progress, CancellationToken cancellationToken)
    {
        await using var sampler = new ProcessSampler([.. environment.All.Select(p => (p.Name, p.Pid))]);
        var clock = Stopwatch.StartNew();
        await drive(progress, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var audit = await DatabaseVerifier.AuditAsync(environment.ConnectionString, run.AcknowledgedSids(), DrainTimeout, cancellationToken);
        var processes = sampler.Snapshot();
        var acked = run.Outcomes.Count(o => o.Acknowledged);
        var statuses = run.Outcomes.Where(o => !o.Acknowledged).GroupBy(o => o.LastStatus).Select(g => $"{g.Key}×{g.Count()}");
        return new ScenarioResult(name, measures, seconds, acked, acked / seconds, "acked webhooks/s", run.AckLatency.Summarize(),
            run.Outcomes.Count - acked, audit, processes,
            [
                new("sent", run.Outcomes.Count.ToString(CultureInfo.InvariantCulture)),
                new("failed statuses (0 = no response)", string.Join(", ", statuses) is { Length: > 0 } s ? s : "none"),
                new("drain after last ack (s)", audit.DrainTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
                new("processed/s incl. drain", (audit.InMessages / (seconds + audit.DrainTime.TotalSeconds)).ToString("0.0", CultureInfo.InvariantCulture)),
            ]);
    }
}
