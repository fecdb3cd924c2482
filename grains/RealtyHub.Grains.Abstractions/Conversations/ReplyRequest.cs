using System.Collections.Immutable;

namespace RealtyHub.Grains.Conversations;

/// <summary>
/// An agent's reply: free-form <see cref="Body"/>, or an approved template (<see cref="TemplateSid"/> = Twilio
/// ContentSid, <see cref="TemplateVariables"/> = ContentVariables). <see cref="IdempotencyKey"/> makes a retried
/// command send once.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.reply-request")]
public sealed record ReplyRequest(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? TemplateSid = null,
    [property: Id(4)] ImmutableDictionary<string, string>? TemplateVariables = null);
