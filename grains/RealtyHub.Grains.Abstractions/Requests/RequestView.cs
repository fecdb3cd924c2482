using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>A request as the agent, the expert and the board see it, with its whole timeline.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.request-view")]
public sealed record RequestView(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string Text,
    [property: Id(5)] RequestPriority Priority,
    [property: Id(6)] RequestState State,
    [property: Id(7)] RequestKind? Kind,
    [property: Id(8)] RequestEntities Entities,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] RequestDraft? Draft,
    [property: Id(11)] ImmutableArray<ComplianceFinding> Findings,
    [property: Id(12)] string? ExpertId,
    [property: Id(13)] string? ExpertName,
    [property: Id(14)] string? Question,
    [property: Id(15)] RequestDraft? Deliverable,
    [property: Id(16)] int? Rating,
    [property: Id(17)] string? Feedback,
    [property: Id(18)] string? Failure,
    [property: Id(19)] ImmutableArray<RequestEvent> Timeline,
    [property: Id(20)] string? VoiceMediaId = null)
{
    /// <summary>A one-line title for lists and offers.</summary>
    public string Title => Text.Length == 0 ? (VoiceMediaId is null ? "(empty)" : "Voice request") : Text.Length <= 90 ? Text : string.Concat(Text.AsSpan(0, 87), "...");
}
