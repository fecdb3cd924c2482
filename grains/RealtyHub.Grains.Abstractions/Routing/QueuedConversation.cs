namespace RealtyHub.Grains.Routing;

/// <summary>A conversation waiting for an agent; the queue is served oldest first.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.queued-conversation")]
public sealed record QueuedConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset WaitingSince,
    [property: Id(2)] RoutingHints Hints);
