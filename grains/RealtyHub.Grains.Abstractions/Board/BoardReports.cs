namespace RealtyHub.Grains.Board;

/// <summary>
/// An AI request as the board counts it. <paramref name="State"/> is the request's state name (e.g. "AwaitingExpert");
/// <paramref name="WaitingForExpert"/> marks requests queued for an expert; <paramref name="SlaBreached"/> raises an alert once.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-request-report")]
public sealed record BoardRequestReport(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string State,
    [property: Id(2)] bool IsFinished,
    [property: Id(3)] bool WaitingForExpert,
    [property: Id(4)] DateTimeOffset StateSince,
    [property: Id(5)] string? Summary,
    [property: Id(6)] bool SlaBreached,
    [property: Id(7)] EventStamp Stamp);

/// <summary>An expert's availability and load.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.board-expert-report")]
public sealed record BoardExpertReport(
    [property: Id(0)] string ExpertId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool Available,
    [property: Id(3)] int ActiveClaims,
    [property: Id(4)] int MaxClaims,
    [property: Id(5)] EventStamp Stamp);

/// <summary>A live voice session of an agent (started, or ended when <paramref name="Live"/> is false).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.voice-session-report")]
public sealed record VoiceSessionReport(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] bool Live,
    [property: Id(3)] DateTimeOffset At);
