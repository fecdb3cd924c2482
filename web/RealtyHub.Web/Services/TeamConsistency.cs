using System.Globalization;

namespace RealtyHub.Web.Services;

/// <summary>
/// The agent consistency score of a team over a period: 100 when every agent performs alike, towards 0 as their KPIs
/// drift apart. Definition:
/// <list type="number">
/// <item>Agents compared: those active on at least one day of the period. Fewer than two: no score.</item>
/// <item>Per agent, per active day: conversations handled, messages sent and leads advanced (so a day off is not a
/// difference), and the agent's median first-response time for agents who answered a waiting client.</item>
/// <item>Per KPI, the coefficient of variation across those agents: population standard deviation / mean, capped at
/// 1 so one wild KPI cannot outweigh the rest. Spread is spread whether higher or lower is better. A KPI is left out
/// when its mean is 0 (nobody did it: nothing to compare) and first response when fewer than two agents have one.</item>
/// <item>Score = round(100 x (1 - mean of those coefficients)). No KPI left: no score.</item>
/// </list>
/// Example: two agents handling 10 and 30 conversations a day (CV 0.5) and sending the same messages and advancing the
/// same leads per day (CV 0 each) score round(100 x (1 - 0.5 / 3)) = 83.
/// </summary>
public static class TeamConsistency
{
    public const string Conversations = "Conversations handled per day";
    public const string Messages = "Messages sent per day";
    public const string Leads = "Leads advanced per day";
    public const string FirstResponse = "Median first response";

    public static ConsistencyScore Score(IEnumerable<AgentKpiTotals> agents)
    {
        var active = agents.Where(a => a.DaysActive > 0).ToList();
        if (active.Count < 2)
        {
            return new(null, active.Count, [], "Not enough agents: the score compares at least two agents who worked in the period.");
        }

        var spreads = new[]
            {
                Spread(Conversations, active.Select(a => (double)a.ConversationsHandled / a.DaysActive)),
                Spread(Messages, active.Select(a => (double)a.MessagesSent / a.DaysActive)),
                Spread(Leads, active.Select(a => (double)a.LeadsAdvanced / a.DaysActive)),
                Spread(FirstResponse, active.Where(a => a.FirstResponseMedianMs is not null).Select(a => (double)a.FirstResponseMedianMs!.Value)),
            }
            .OfType<KpiSpread>()
            .ToList();
        if (spreads.Count == 0)
        {
            return new(null, active.Count, [], "No KPI to compare yet: the agents have not handled conversations or advanced leads in this period.");
        }

        var meanCv = spreads.Average(s => s.CoefficientOfVariation);
        var score = (int)Math.Round(100 * (1 - meanCv), MidpointRounding.AwayFromZero);
        var widest = spreads.MaxBy(s => s.CoefficientOfVariation)!;
        var explanation = score == 100
            ? $"The {active.Count} agents performed alike on every KPI compared."
            : string.Create(CultureInfo.InvariantCulture,
                $"Across {active.Count} agents, a KPI's spread (standard deviation) is on average {meanCv:P0} of the team mean; widest: {widest.Kpi.ToLowerInvariant()} ({widest.CoefficientOfVariation:P0}).");
        return new(score, active.Count, spreads, explanation);
    }

    /// <summary>The KPI's mean and capped coefficient of variation; <c>null</c> when it cannot be compared.</summary>
    private static KpiSpread? Spread(string kpi, IEnumerable<double> perAgent)
    {
        var values = perAgent.ToList();
        var mean = values.Count == 0 ? 0 : values.Average();
        if (values.Count < 2 || mean <= 0)
        {
            return null;
        }

        var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return new(kpi, mean, Math.Min(1, deviation / mean));
    }
}
