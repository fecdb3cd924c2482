using System.Collections.Immutable;

namespace RealtyHub.Grains.Conversations;

/// <summary>
/// One message of a conversation. Inbound messages use Twilio's MessageSid as <see cref="MessageId"/>; outbound ones
/// get our own id (also Twilio's idempotency token) and carry Twilio's sid once sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.chat-message")]
public sealed record ChatMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] MessageDirection Direction,
    [property: Id(2)] string? Body,
    [property: Id(3)] ImmutableArray<MediaAttachment> Media,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] DeliveryStatus Status,
    [property: Id(6)] string? AgentId = null,
    [property: Id(7)] string? TemplateSid = null,
    [property: Id(8)] string? ProviderSid = null,
    [property: Id(9)] string? ErrorCode = null,
    [property: Id(10)] string? ErrorMessage = null,
    [property: Id(11)] ImmutableDictionary<string, string>? TemplateVariables = null);
