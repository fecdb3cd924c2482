using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Components.Inbox;

namespace RealtyHub.Web.Demo;

/// <summary>
/// Thirty days of plausible work for the demo agents (replies with first-response waits, leads moved forward), rolled
/// up into daily KPIs, so the team page shows trends on the first run. Seeded once: not when the brokerage already has
/// activity before today. Deterministic, and each agent has their own pace, so the consistency score is not 100.
/// </summary>
internal static class DemoKpiHistory
{
    public const int Days = 30;

    /// <summary>Per agent (by roster position): workload factor and typical first-response wait in seconds.</summary>
    private static readonly (double Workload, int ResponseSeconds)[] Paces =
        [(1.0, 70), (0.8, 150), (1.2, 45), (0.7, 240), (1.0, 90), (0.9, 120)];

    public static async Task SeedAsync(IServiceProvider services, string brokerageId, IReadOnlyList<string> agentIds, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<IAgentKpiStore>();
        var profile = await services.GetRequiredService<IGrainFactory>().GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync();
        var zone = InboxContext.ZoneOf(profile?.TimeZoneId);
        var today = BrokerageDay.Of(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        if (agentIds.Count == 0 || await store.HasActivityBeforeAsync(brokerageId, BrokerageDay.StartOf(today, zone), cancellationToken))
        {
            return;
        }

        var days = Enumerable.Range(1, Days).Select(back => today.AddDays(-back)).ToList();
        await store.ImportActivityAsync(Facts(brokerageId, agentIds, days, zone), cancellationToken);
        foreach (var day in days)
        {
            await store.RollupAsync(brokerageId, day, zone, cancellationToken);
        }
    }

    private static List<AgentActivity> Facts(string brokerageId, IReadOnlyList<string> agentIds, IReadOnlyList<DateOnly> days, TimeZoneInfo zone)
    {
        var random = new Random(2026);
        var facts = new List<AgentActivity>();
        foreach (var day in days)
        {
            // Office hours, 09:00 to 20:00 local.
            var opens = BrokerageDay.StartOf(day, zone).AddHours(9);
            for (var i = 0; i < agentIds.Count; i++)
            {
                var (workload, responseSeconds) = Paces[i % Paces.Length];
                if ((day.DayNumber + i) % 7 == 0 || random.NextDouble() < 0.05)
                {
                    continue; // a day off
                }

                var conversations = (int)Math.Round(random.Next(5, 12) * workload);
                for (var c = 0; c < conversations; c++)
                {
                    var conversation = $"9715{random.Next(10_000_000, 99_999_999)}";
                    var at = opens.AddMinutes(random.Next(0, 600));
                    for (var reply = random.Next(1, 6); reply > 0; reply--)
                    {
                        // Most replies answer a waiting client; the wait varies around the agent's own pace.
                        long? waited = random.NextDouble() < 0.7 ? (long)(responseSeconds * 1000 * (0.3 + (random.NextDouble() * 1.7))) : null;
                        facts.Add(new AgentActivity(brokerageId, agentIds[i], at, AgentActivityKinds.Reply, conversation, waited));
                        at = at.AddMinutes(random.Next(2, 25));
                    }
                }

                for (var lead = random.Next(0, 3); lead > 0; lead--)
                {
                    facts.Add(new AgentActivity(brokerageId, agentIds[i], opens.AddMinutes(random.Next(0, 660)),
                        AgentActivityKinds.LeadAdvanced, $"lead-{random.Next(1, 31):D3}"));
                }
            }
        }

        return facts;
    }
}
