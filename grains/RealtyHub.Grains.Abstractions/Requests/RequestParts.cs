using System.Collections.Immutable;

namespace RealtyHub.Grains.Requests;

/// <summary>What understanding found in the request; everything optional. A named client links the lead and its conversation.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.request-entities")]
public sealed record RequestEntities(
    [property: Id(0)] string? Property = null,
    [property: Id(1)] string? Area = null,
    [property: Id(2)] string? ClientName = null,
    [property: Id(3)] string? LeadId = null,
    [property: Id(4)] string? ConversationId = null,
    [property: Id(5)] decimal? Price = null,
    [property: Id(6)] DateOnly? Deadline = null)
{
    public static readonly RequestEntities None = new();
}

/// <summary>One step of a request's journey: the state entered, by whom, when, and why.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.request-event")]
public sealed record RequestEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] RequestState State,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Note = null);

/// <summary>A knowledge-base passage a draft used.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.citation")]
public sealed record Citation(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Snippet);

/// <summary>A broken compliance rule in a draft, with the offending text when there is one.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.compliance-finding")]
public sealed record ComplianceFinding(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Excerpt = null);

/// <summary>The work product: Markdown, with the sources it cites and how it was produced.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.request-draft")]
public sealed record RequestDraft(
    [property: Id(0)] string Markdown,
    [property: Id(1)] ImmutableArray<Citation> Citations,
    [property: Id(2)] string ProducedBy,
    [property: Id(3)] DateTimeOffset At);

/// <summary>
/// A new request from an agent: typed, or spoken (<see cref="VoiceMediaId"/>: the stored recording, transcribed by the
/// request itself in the Transcribing step; <see cref="Text"/> may then be empty).
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.new-request")]
public sealed record NewRequest(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Text,
    [property: Id(2)] RequestPriority Priority = RequestPriority.Normal,
    [property: Id(3)] string? ConversationId = null,
    [property: Id(4)] string Source = "console",
    [property: Id(5)] string? VoiceMediaId = null);
