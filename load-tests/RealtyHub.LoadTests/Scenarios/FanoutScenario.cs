using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;
using RealtyHub.LoadTests.Verification;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 2: agents and supervisors signed in over SignalR (spread over the web nodes) while webhooks arrive at
/// <c>--rate</c>. End-to-end latency = webhook send → the first agent connection of that brokerage receiving
/// <c>ConversationChanged</c> carrying that MessageSid; every delivery to any connection is a second histogram.
/// </summary>
public static class FanoutScenario
{
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(15);

    public static async Task<ScenarioResult> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var webs = environment.Webs.Select(w => w.BaseAddress).ToList();
        var sentAt = new ConcurrentDictionary<string, long>();
        var firstToAgent = new ConcurrentDictionary<string, byte>();
        var seen = new ConcurrentDictionary<(int, string), byte>();
        var agentLatency = new LatencyRecorder();
        var deliveryLatency = new LatencyRecorder();
        long deliveries = 0;

        void Subscribe(ConsoleUser user, HubConnection connection) =>
            connection.On<JsonElement, JsonElement>("ConversationChanged", (_, message) =>
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("messageId", out var id)
                    || id.GetString() is not { } sid || !sentAt.TryGetValue(sid, out var sent) || !seen.TryAdd((user.Index, sid), 0))
                {
                    return;
                }

                var latency = Stopwatch.GetElapsedTime(sent);
                Interlocked.Increment(ref deliveries);
                deliveryLatency.Record(latency);
                if (user.Role == "Agent" && firstToAgent.TryAdd(sid, 0))
                {
                    agentLatency.Record(latency);
                }
            });

        var members = SelectMembers(brokerages, settings.Connections);
        await using var connections = await ConsoleConnections.OpenAsync(webs, members, Subscribe, p => progress(p * 0.3), cancellationToken);

        using var http = HubEnvironment.CreateLoadClient();
        var run = new WebhookRun(new MessageFactory(brokerages, webs, settings.Clients, settings.Seed + 2000), new WebhookSender(http))
        {
            OnSending = m => sentAt[m.MessageSid] = Stopwatch.GetTimestamp(),
        };
        await using var sampler = new ProcessSampler([.. environment.All.Select(p => (p.Name, p.Pid))]);
        var clock = Stopwatch.StartNew();
        await run.AtRateAsync(settings.Rate, settings.Duration, p => progress(0.3 + (p * 0.6)), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var acked = run.AcknowledgedSids();

        // Wait (bounded) for the last pushes to arrive.
        var straggle = Stopwatch.StartNew();
        while (firstToAgent.Count < acked.Count && straggle.Elapsed < Straggle)
        {
            await Task.Delay(200, cancellationToken);
        }

        progress(1);
        var audit = await DatabaseVerifier.AuditAsync(environment.ConnectionString, acked, WebhookFloodScenario.DrainTimeout, cancellationToken);
        var missed = acked.Count(sid => !firstToAgent.ContainsKey(sid));
        var delivery = deliveryLatency.Summarize();
        return new ScenarioResult("fanout", "Webhook send → first agent's SignalR client receives ConversationChanged with that message",
            seconds, firstToAgent.Count, firstToAgent.Count / seconds, "messages received by an agent/s", agentLatency.Summarize(),
            run.Outcomes.Count - acked.Count + missed, audit, sampler.Snapshot(),
            [
                new("connections", connections.Users.Count.ToString(CultureInfo.InvariantCulture)),
                new("agents / supervisors", $"{connections.Users.Count(u => u.Role == "Agent")} / {connections.Users.Count(u => u.Role == "Supervisor")}"),
                new("acked webhooks", acked.Count.ToString(CultureInfo.InvariantCulture)),
                new("acked but never received by an agent (within 15 s)", missed.ToString(CultureInfo.InvariantCulture)),
                new("deliveries to any connection", Interlocked.Read(ref deliveries).ToString(CultureInfo.InvariantCulture)),
                new("delivery latency any connection p50/p90/p99/max ms", string.Create(CultureInfo.InvariantCulture,
                    $"{delivery.P50Ms:0.0} / {delivery.P90Ms:0.0} / {delivery.P99Ms:0.0} / {delivery.MaxMs:0.0}")),
            ]);
    }

    /// <summary>Up to <paramref name="connections"/> users, round robin over brokerages: each brokerage's supervisors first, then agents.</summary>
    private static IEnumerable<(BrokerageSetup, Member, string)> SelectMembers(IReadOnlyList<BrokerageSetup> brokerages, int connections)
    {
        var perBrokerage = brokerages.Select(b => b.Supervisors.Select(m => (b, m, "Supervisor")).Concat(b.Agents.Select(m => (b, m, "Agent"))).ToList()).ToList();
        var picked = 0;
        for (var round = 0; picked < connections && perBrokerage.Any(l => l.Count > round); round++)
        {
            foreach (var list in perBrokerage.Where(l => l.Count > round))
            {
                if (picked++ >= connections)
                {
                    yield break;
                }

                yield return list[round];
            }
        }
    }
}
