using System.Collections.Immutable;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Alerts;

namespace RealtyHub.Grains.Board;

/// <summary>
/// The whole board at one moment. Waits are given as "since" times so a console can tick them without new pushes;
/// <see cref="Version"/> grows with every change.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-snapshot")]
public sealed record BoardSnapshot(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] ImmutableArray<BoardAgent> Agents,
    [property: Id(4)] BoardWaiting Queue,
    [property: Id(5)] BoardRequests Requests,
    [property: Id(6)] ImmutableArray<MinuteBucket> LastHour,
    [property: Id(7)] ImmutableArray<BoardAlert> Alerts);

/// <summary>One agent's row: presence, load against capacity, the oldest client waiting for them, live call.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-agent")]
public sealed record BoardAgent(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Email,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] DateTimeOffset PresenceChangedAt,
    [property: Id(5)] int OpenConversations,
    [property: Id(6)] int Capacity,
    [property: Id(7)] DateTimeOffset? OldestUnansweredSince,
    [property: Id(8)] bool InVoiceSession)
{
    public bool OverCapacity => OpenConversations > Capacity;
}

/// <summary>The conversation queue and response times. "Today" is the brokerage's calendar day in its time zone.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-queue")]
public sealed record BoardWaiting(
    [property: Id(0)] int Unassigned,
    [property: Id(1)] DateTimeOffset? OldestUnassignedSince,
    [property: Id(2)] int AwaitingReply,
    [property: Id(3)] ResponseStats LastHour,
    [property: Id(4)] ResponseStats Today,
    [property: Id(5)] int SlaBreachesToday,
    [property: Id(6)] int InboundToday);

/// <summary>First-response times: how long clients waited for an agent's answer (exact percentiles of the samples).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.response-stats")]
public sealed record ResponseStats(
    [property: Id(0)] int Count,
    [property: Id(1)] TimeSpan? P50,
    [property: Id(2)] TimeSpan? P90)
{
    public static readonly ResponseStats Empty = new(0, null, null);
}

/// <summary>AI requests by state and the experts serving them.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-requests")]
public sealed record BoardRequests(
    [property: Id(0)] ImmutableArray<StateCount> ByState,
    [property: Id(1)] int WaitingForExpert,
    [property: Id(2)] DateTimeOffset? OldestWaitingSince,
    [property: Id(3)] int ExpertsAvailable,
    [property: Id(4)] int ExpertClaims,
    [property: Id(5)] int ExpertCapacity)
{
    public static readonly BoardRequests Empty = new([], 0, null, 0, 0, 0);

    /// <summary>Share of available experts' claim slots in use, or <c>null</c> with no available expert.</summary>
    public double? ExpertUtilisation => ExpertCapacity == 0 ? null : (double)ExpertClaims / ExpertCapacity;
}

[GenerateSerializer, Immutable, Alias("realtyhub.state-count")]
public sealed record StateCount([property: Id(0)] string State, [property: Id(1)] int Count);

/// <summary>One minute of the last hour: inbound messages, answers, and the median wait of those answers.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.minute-bucket")]
public sealed record MinuteBucket(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] int Inbound,
    [property: Id(2)] int Responses,
    [property: Id(3)] TimeSpan? MedianResponse);

/// <summary>An alert on the board with who acknowledged it and when.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-alert")]
public sealed record BoardAlert(
    [property: Id(0)] HubAlert Alert,
    [property: Id(1)] string? AcknowledgedBy,
    [property: Id(2)] DateTimeOffset? AcknowledgedAt)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;
}
