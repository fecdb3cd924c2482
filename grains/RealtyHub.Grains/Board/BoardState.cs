using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Board;

/// <summary>
/// What the team board remembers between activations. Conversations are rebuilt from the inbox table on activation,
/// so only the history the database doesn't hold (samples, per-minute counts, alerts) depends on this state.
/// </summary>
[GenerateSerializer, Alias("realtyhub.team-board-grain.state")]
public sealed class BoardState
{
    [Id(0)] public Dictionary<string, TrackedConversation> Conversations { get; init; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, AgentSnapshot> Agents { get; init; } = new(StringComparer.Ordinal);

    [Id(2)] public Dictionary<string, BoardRequestReport> Requests { get; init; } = new(StringComparer.Ordinal);

    [Id(3)] public Dictionary<string, BoardExpertReport> Experts { get; init; } = new(StringComparer.Ordinal);

    [Id(4)] public Dictionary<string, VoiceSessionReport> VoiceSessions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>First-response waits of the last 25 hours (covers "today" in any time zone), oldest first.</summary>
    [Id(5)] public List<ResponseSample> Responses { get; init; } = [];

    /// <summary>Inbound messages per UTC minute (unix minutes) of the last 25 hours.</summary>
    [Id(6)] public SortedDictionary<long, int> InboundPerMinute { get; init; } = [];

    /// <summary>When first-response SLAs were breached, last 25 hours.</summary>
    [Id(7)] public List<DateTimeOffset> SlaBreaches { get; init; } = [];

    /// <summary>Newest first, capped.</summary>
    [Id(8)] public List<BoardAlert> Alerts { get; init; } = [];

    /// <summary>Conditions that already raised an alert and must not raise it again until they clear.</summary>
    [Id(9)] public HashSet<string> RaisedConditions { get; init; } = new(StringComparer.Ordinal);

    [Id(10)] public long Version { get; set; }
}

/// <summary>The board's copy of one conversation, with the stamp of the report it came from.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.tracked-conversation")]
public sealed record TrackedConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string? AgentId,
    [property: Id(2)] ConversationStatus Status,
    [property: Id(3)] DateTimeOffset? AwaitingReplySince,
    [property: Id(4)] string Client,
    [property: Id(5)] EventStamp Stamp,
    [property: Id(6)] DateTimeOffset ChangedAt);

/// <summary>One first response: when it was sent and how long the client had waited.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.response-sample")]
public readonly record struct ResponseSample([property: Id(0)] DateTimeOffset At, [property: Id(1)] TimeSpan Wait);
