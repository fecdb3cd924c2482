namespace RealtyHub.Grains.Data;

/// <summary>Daily per-agent KPIs in PostgreSQL, rolled up from <c>agent_activity</c>.</summary>
public interface IAgentKpiStore
{
    /// <summary>
    /// Computes every agent's KPIs for <paramref name="day"/> (midnight to midnight in <paramref name="zone"/>) from the
    /// recorded facts and stores them, replacing that day's earlier rollup; running it again changes nothing.
    /// Returns the number of agent rows written.
    /// </summary>
    Task<int> RollupAsync(string brokerageId, DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken = default);

    /// <summary>The stored KPIs of the days from <paramref name="firstDay"/> to <paramref name="lastDay"/> (both inclusive), by day then agent.</summary>
    Task<IReadOnlyList<AgentDailyKpi>> ListAsync(string brokerageId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default);

    /// <summary>Brokerages with at least one fact recorded at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<string>> BrokeragesWithActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Whether the brokerage has any fact older than <paramref name="before"/> (the demo seeds its history once).</summary>
    Task<bool> HasActivityBeforeAsync(string brokerageId, DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Bulk-loads facts in one round trip (history for the demo); live work records one at a time through <see cref="IAgentActivityLog"/>.</summary>
    Task ImportActivityAsync(IReadOnlyCollection<AgentActivity> facts, CancellationToken cancellationToken = default);
}
