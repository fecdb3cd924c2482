namespace RealtyHub.Grains.Data;

/// <summary>
/// One agent's KPIs for one local day of their brokerage (<c>agent_daily_kpis</c>).
/// <paramref name="ConversationsHandled"/>: distinct conversations the agent replied in; <paramref name="MessagesSent"/>:
/// replies; <paramref name="FirstResponseMedianMs"/>: median wait of the clients the agent answered (over
/// <paramref name="FirstResponses"/> answers); <paramref name="LeadsAdvanced"/>: distinct leads moved to a later stage;
/// <paramref name="AverageRating"/>: mean deliverable rating (1-5) over <paramref name="Ratings"/> ratings.
/// </summary>
public sealed record AgentDailyKpi(
    string BrokerageId,
    string AgentId,
    DateOnly Day,
    int ConversationsHandled,
    long? FirstResponseMedianMs,
    int FirstResponses,
    int MessagesSent,
    int LeadsAdvanced,
    int RequestsMade,
    decimal? AverageRating,
    int Ratings,
    DateTimeOffset RolledUpAt);
