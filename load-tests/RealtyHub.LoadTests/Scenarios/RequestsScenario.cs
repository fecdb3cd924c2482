using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 4: agents submit AI requests at <c>--rate</c> / 10 per second (brokerage chosen Zipf-like) while every
/// brokerage's experts are available and connected over SignalR; a simulated expert accepts each offer it is made
/// and delivers once the draft is in review (freeing its capacity; the text carries a RERA permit number so the
/// compliance gate passes adverts). Latency = request POST start → the expert's client receiving
/// <c>OfferChanged(Made)</c> for that request (the classifier/template path: no LLM is called).
/// </summary>
public static class RequestsScenario
{
    private static readonly string[] Texts =
    [
        "Write a market report for Dubai Marina 2-bed apartments",
        "Write a listing description for a 3-bed villa in Arabian Ranches",
        "Draft a social post about our new JVC townhouses",
        "Write a market report for Downtown Dubai studios",
    ];

    /// <summary>After accepting, the draft reaches the expert (InReview) before it can be delivered; bounded wait.</summary>
    private static async Task<bool> WaitForReviewAsync(ConsoleUser expert, string requestId)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            var view = await expert.Client.Http.GetFromJsonAsync<JsonElement>($"api/brokerages/{expert.BrokerageId}/requests/{requestId}");
            if (view.GetProperty("state").GetString() == "InReview")
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    public static async Task<ScenarioResult> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var webs = environment.Webs.Select(w => w.BaseAddress).ToList();
        var offeredAt = new ConcurrentDictionary<string, long>();
        var acceptLatency = new LatencyRecorder();
        var pending = new ConcurrentBag<Task>();
        long won = 0, notWon = 0, delivered = 0, notDelivered = 0;

        void Subscribe(ConsoleUser user, HubConnection connection) =>
            connection.On<JsonElement, string>("OfferChanged", (offer, change) =>
            {
                var requestId = offer.GetProperty("requestId").GetString()!;
                if (change != "Made" || !offeredAt.TryAdd(requestId, Stopwatch.GetTimestamp()))
                {
                    return;
                }

                pending.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    using var accept = await user.Client.Http.PostAsync(new Uri($"api/brokerages/{user.BrokerageId}/requests/{requestId}/accept", UriKind.Relative), null, CancellationToken.None);
                    acceptLatency.Record(Stopwatch.GetElapsedTime(started));
                    Interlocked.Increment(ref accept.StatusCode == HttpStatusCode.OK ? ref won : ref notWon);
                    if (accept.StatusCode == HttpStatusCode.OK && await WaitForReviewAsync(user, requestId))
                    {
                        using var deliver = await user.Client.Http.PostAsJsonAsync($"api/brokerages/{user.BrokerageId}/requests/{requestId}/deliver",
                            new { markdown = "Delivered by the load test's simulated expert. RERA Permit No: 1234567890" }, CancellationToken.None);
                        Interlocked.Increment(ref deliver.IsSuccessStatusCode ? ref delivered : ref notDelivered);
                    }
                }));
            });

        var members = brokerages.SelectMany(b => b.Experts.Select(e => (b, e, "Expert")).Append((b, b.Agents[0], "Agent")));
        await using var connections = await ConsoleConnections.OpenAsync(webs, members, Subscribe, p => progress(p * 0.3), cancellationToken);
        var agents = connections.Users.Where(u => u.Role == "Agent").ToDictionary(u => u.BrokerageId);

        var submittedAt = new ConcurrentDictionary<string, long>();
        long submitErrors = 0;
        var pick = new ZipfKeys(brokerages.Count, settings.Seed + 4000);
        var gate = new Lock();
        var rate = Math.Max(0.5, settings.Rate / 10);
        await using var sampler = new ProcessSampler([.. environment.All.Select(p => (p.Name, p.Pid))]);
        var clock = Stopwatch.StartNew();
        await LoadDriver.RunAtRateAsync(rate, settings.Duration, async intended =>
        {
            int b;
            lock (gate)
            {
                b = pick.Next();
            }

            var agent = agents[brokerages[b].BrokerageId];
            using var response = await agent.Client.Http.PostAsJsonAsync($"api/brokerages/{agent.BrokerageId}/requests",
                new { text = Texts[(int)(intended % Texts.Length)] }, CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                Interlocked.Increment(ref submitErrors);
                return;
            }

            var view = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
            submittedAt[view.GetProperty("requestId").GetString()!] = intended;
        }, p => progress(0.3 + (p * 0.6)), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        var straggle = Stopwatch.StartNew();
        while (submittedAt.Keys.Any(id => !offeredAt.ContainsKey(id)) && straggle.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200, cancellationToken);
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        progress(1);
        var latency = new LatencyRecorder();
        foreach (var (id, submitted) in submittedAt)
        {
            if (offeredAt.TryGetValue(id, out var offered))
            {
                latency.Record(TimeSpan.FromSeconds((offered - submitted) / (double)Stopwatch.Frequency));
            }
        }

        var summary = latency.Summarize();
        var accepts = acceptLatency.Summarize();
        var neverOffered = submittedAt.Keys.Count(id => !offeredAt.ContainsKey(id));
        return new ScenarioResult("requests", "AI request POST → the expert's SignalR client receives OfferChanged(Made); the expert accepts and delivers",
            seconds, summary.Count, summary.Count / seconds, "offers/s", summary, submitErrors + neverOffered + Interlocked.Read(ref notWon), null, sampler.Snapshot(),
            [
                new("request rate (--rate / 10)", rate.ToString("0.0", CultureInfo.InvariantCulture)),
                new("submitted / offered / never offered (15 s)", $"{submittedAt.Count} / {summary.Count} / {neverOffered}"),
                new("submit errors", submitErrors.ToString(CultureInfo.InvariantCulture)),
                new("accepts won / not won", $"{won} / {notWon}"),
                new("delivered / not delivered (refused or not InReview within 10 s)", $"{delivered} / {notDelivered}"),
                new("accept POST latency p50/p99/max ms", string.Create(CultureInfo.InvariantCulture, $"{accepts.P50Ms:0.0} / {accepts.P99Ms:0.0} / {accepts.MaxMs:0.0}")),
                new("experts connected", connections.Users.Count(u => u.Role == "Expert").ToString(CultureInfo.InvariantCulture)),
            ]);
    }
}
