namespace RealtyHub.Grains.Conversations;

/// <summary>
/// A conversation as the inbox lists it. The WhatsApp window is open until <see cref="WindowClosesAt"/>;
/// <see cref="FirstResponseDueAt"/> is set while the client waits for the assigned agent's first answer;
/// <see cref="AwaitingReplySince"/> is when the client's oldest unanswered message arrived (assigned or not).
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.conversation-summary")]
public sealed record ConversationSummary(
    [property: Id(0)] string BrokerageId,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] string ClientPhone,
    [property: Id(3)] string? ClientName,
    [property: Id(4)] string? LeadId,
    [property: Id(5)] string? AssignedAgentId,
    [property: Id(6)] ConversationStatus Status,
    [property: Id(7)] DateTimeOffset? LastInboundAt,
    [property: Id(8)] DateTimeOffset LastMessageAt,
    [property: Id(9)] string? LastMessagePreview,
    [property: Id(10)] int UnreadCount,
    [property: Id(11)] bool OptedOut,
    [property: Id(12)] DateTimeOffset? FirstResponseDueAt,
    [property: Id(13)] string BusinessPhone,
    [property: Id(14)] DateTimeOffset? AwaitingReplySince = null)
{
    /// <summary>WhatsApp allows free-form replies for 24 hours after the client's last message.</summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(24);

    public DateTimeOffset? WindowClosesAt => LastInboundAt + ReplyWindow;

    public bool IsWindowOpen(DateTimeOffset now) => WindowClosesAt > now;
}
