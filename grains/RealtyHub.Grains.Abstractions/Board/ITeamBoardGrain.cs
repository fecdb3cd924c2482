using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Board;

/// <summary>
/// The supervisors' live team board of one brokerage: grains report deltas here, the board keeps the aggregates
/// (loads, queues, response times, charts, alerts) and pushes at most <see cref="MaxUpdatesPerSecond"/> snapshots per
/// second to subscribed web nodes. Key: the brokerage id.
/// </summary>
[Alias("realtyhub.team-board")]
public interface ITeamBoardGrain : IGrainWithStringKey
{
    /// <summary>The cap on pushes to observers; between pushes changes are coalesced into the next snapshot.</summary>
    public const int MaxUpdatesPerSecond = 4;

    /// <summary>A conversation changed (the full summary, so the board self-heals); <paramref name="stamp"/> orders the reports of one conversation.</summary>
    [Alias("conversation-changed"), OneWay]
    Task ConversationChangedAsync(ConversationSummary conversation, ChatMessage? message, EventStamp stamp);

    /// <summary>An agent's presence or profile changed.</summary>
    [Alias("agent-changed"), OneWay]
    Task AgentChangedAsync(AgentSnapshot agent);

    /// <summary>An alert raised elsewhere (e.g. a conversation's missed first-response SLA) joins the board's feed.</summary>
    [Alias("alert-raised"), OneWay]
    Task AlertRaisedAsync(HubAlert alert);

    /// <summary>An AI request changed state (reported by request grains).</summary>
    [Alias("request-changed"), OneWay]
    Task RequestChangedAsync(BoardRequestReport request);

    /// <summary>An expert's availability or load changed (reported by expert grains).</summary>
    [Alias("expert-changed"), OneWay]
    Task ExpertChangedAsync(BoardExpertReport expert);

    /// <summary>A live voice session of an agent started or ended.</summary>
    [Alias("voice-session-changed"), OneWay]
    Task VoiceSessionChangedAsync(VoiceSessionReport session);

    /// <summary>The board as it is now.</summary>
    [Alias("get")]
    Task<BoardSnapshot> GetAsync();

    /// <summary>Acknowledges an alert; <c>false</c> if the board has no such alert. A second acknowledgement keeps the first.</summary>
    [Alias("acknowledge-alert")]
    Task<bool> AcknowledgeAlertAsync(string alertId, string actor);

    /// <summary>Subscribes (or renews) a web node; subscriptions expire unless renewed.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(ITeamBoardObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(ITeamBoardObserver observer);
}
