namespace RealtyHub.Grains.Data;

/// <summary>What an agent did; the daily KPI rollup counts these.</summary>
public static class AgentActivityKinds
{
    /// <summary>A reply sent to a client; <see cref="AgentActivity.ValueMs"/> is the client's wait when the reply answered a waiting client.</summary>
    public const string Reply = "reply";

    /// <summary>A lead moved to a later pipeline stage.</summary>
    public const string LeadAdvanced = "lead-advanced";

    /// <summary>The agent made an AI request.</summary>
    public const string RequestMade = "request-made";

    /// <summary>The agent rated a deliverable; <see cref="AgentActivity.ValueMs"/> holds the rating (1-5).</summary>
    public const string DeliverableRated = "deliverable-rated";
}

/// <summary>One fact of an agent's work (<c>agent_activity</c>); <paramref name="Subject"/> is the conversation, lead or request.</summary>
public sealed record AgentActivity(
    string BrokerageId,
    string AgentId,
    DateTimeOffset At,
    string Kind,
    string Subject,
    long? ValueMs = null);

/// <summary>Append-only record of agents' work in PostgreSQL, the source of the daily KPIs.</summary>
public interface IAgentActivityLog
{
    Task RecordAsync(AgentActivity activity, CancellationToken cancellationToken = default);
}
