using RealtyHub.Grains.Data;

namespace RealtyHub.Web.Services;

/// <summary>
/// The team view of one period (<paramref name="From"/> to <paramref name="To"/>, both inclusive, local days of the
/// brokerage's <paramref name="TimeZoneId"/>): every agent's totals and daily series, and the team's consistency.
/// </summary>
public sealed record TeamPerformance(
    string BrokerageId,
    DateOnly From,
    DateOnly To,
    string TimeZoneId,
    IReadOnlyList<AgentPerformance> Agents,
    ConsistencyScore Consistency);

/// <summary>One agent over the period: totals, and one entry per day of the period (days without work are zeros).</summary>
public sealed record AgentPerformance(string AgentId, string Name, AgentKpiTotals Totals, IReadOnlyList<KpiDay> Days);

/// <summary>One agent's KPIs on one day; see <see cref="AgentDailyKpi"/> for what each counts.</summary>
public sealed record KpiDay(
    DateOnly Day,
    int ConversationsHandled,
    long? FirstResponseMedianMs,
    int FirstResponses,
    int MessagesSent,
    int LeadsAdvanced,
    int RequestsMade,
    decimal? AverageRating,
    int Ratings)
{
    /// <summary>Whether the agent did anything that day.</summary>
    public bool IsActive => MessagesSent + LeadsAdvanced + RequestsMade + Ratings > 0;

    public static KpiDay Empty(DateOnly day) => new(day, 0, null, 0, 0, 0, 0, null, 0);

    public static KpiDay From(AgentDailyKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new(kpi.Day, kpi.ConversationsHandled, kpi.FirstResponseMedianMs, kpi.FirstResponses, kpi.MessagesSent,
            kpi.LeadsAdvanced, kpi.RequestsMade, kpi.AverageRating, kpi.Ratings);
    }
}
