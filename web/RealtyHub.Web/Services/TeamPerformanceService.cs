using System.Security.Claims;
using RealtyHub.Grains;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Components.Inbox;
using RealtyHub.Web.Identity;

namespace RealtyHub.Web.Services;

/// <summary>What became of a team performance query.</summary>
public enum TeamPerformanceStatus
{
    Ready,
    NotFound,
    Forbidden,
    InvalidPeriod,
}

/// <summary>The answer: the view when <see cref="TeamPerformanceStatus.Ready"/>, the reason when the period is invalid.</summary>
public sealed record TeamPerformanceAnswer(TeamPerformanceStatus Status, TeamPerformance? Performance = null, string? Problem = null);

/// <summary>
/// Team performance for supervisors and owners: the daily KPIs of a period per agent (names from the roster), zero-filled
/// per day for trends, with the team's consistency score. Days are the brokerage's local days.
/// </summary>
public sealed class TeamPerformanceService(IGrainFactory grains, IAgentKpiStore kpis, TimeProvider clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>
    /// The period <paramref name="from"/>..<paramref name="to"/> (inclusive); <paramref name="to"/> defaults to today and
    /// <paramref name="from"/> to <paramref name="days"/> days up to <paramref name="to"/>.
    /// </summary>
    public async Task<TeamPerformanceAnswer> GetAsync(
        ClaimsPrincipal caller, string brokerageId, DateOnly? from = null, DateOnly? to = null, int days = DefaultDays)
    {
        if (!caller.CanAccessBrokerage(brokerageId) || !GrainKeys.IsValidBrokerageId(brokerageId))
        {
            return new(TeamPerformanceStatus.NotFound);
        }

        if (!caller.CanManageTeam())
        {
            return new(TeamPerformanceStatus.Forbidden);
        }

        var brokerage = grains.GetGrain<IBrokerageGrain>(brokerageId);
        if (await brokerage.GetProfileAsync() is not { } profile)
        {
            return new(TeamPerformanceStatus.NotFound);
        }

        var zone = InboxContext.ZoneOf(profile.TimeZoneId);
        var end = to ?? BrokerageDay.Of(clock.GetUtcNow(), zone);
        var start = from ?? end.AddDays(1 - Math.Clamp(days, 1, MaxDays));
        if (start > end)
        {
            return new(TeamPerformanceStatus.InvalidPeriod, Problem: "'from' must not be after 'to'.");
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return new(TeamPerformanceStatus.InvalidPeriod, Problem: $"The period may span at most {MaxDays} days.");
        }

        var rows = await kpis.ListAsync(brokerageId, start, end);
        var roster = await brokerage.GetAgentsAsync();
        var names = roster.ToDictionary(a => a.AgentId, a => a.Profile.DisplayName);
        // Agents who left keep their history in the view under their id.
        foreach (var agentId in rows.Select(r => r.AgentId).Where(id => !names.ContainsKey(id)).Distinct())
        {
            names[agentId] = $"Former agent ({agentId})";
        }

        var agents = names
            .Select(agent => Performance(agent.Key, agent.Value, rows, start, end))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var consistency = TeamConsistency.Score(agents.Select(a => a.Totals));
        return new(TeamPerformanceStatus.Ready, new TeamPerformance(brokerageId, start, end, zone.Id, agents, consistency));
    }

    private static AgentPerformance Performance(string agentId, string name, IReadOnlyList<AgentDailyKpi> rows, DateOnly start, DateOnly end)
    {
        var byDay = rows.Where(r => r.AgentId == agentId).ToDictionary(r => r.Day);
        var days = Enumerable.Range(start.DayNumber, end.DayNumber - start.DayNumber + 1)
            .Select(DateOnly.FromDayNumber)
            .Select(day => byDay.TryGetValue(day, out var kpi) ? KpiDay.From(kpi) : KpiDay.Empty(day))
            .ToList();
        return new AgentPerformance(agentId, name, AgentKpiTotals.Of(days), days);
    }
}
