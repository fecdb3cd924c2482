using System.Collections.Immutable;

namespace RealtyHub.Grains.Voice;

/// <summary>
/// A call as consoles show it. <see cref="TranscriptionProblem"/> is set when this hub cannot make transcripts, with
/// the fix, so the console says so instead of showing an empty transcript.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.voice-call-view")]
public sealed record VoiceCallView(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string CallSid,
    [property: Id(2)] VoiceCallState State,
    [property: Id(3)] string ClientPhone,
    [property: Id(4)] string? ClientName,
    [property: Id(5)] string? LeadId,
    [property: Id(6)] string? ConversationId,
    [property: Id(7)] string? AgentId,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] ImmutableArray<TranscriptLine> Lines,
    [property: Id(11)] string? TranscriptionProblem = null,
    [property: Id(12)] string? EndReason = null)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}
