using System.Collections.Immutable;

namespace RealtyHub.Grains.Conversations;

/// <summary>A conversation with its most recent messages (older ones are paged from the message store).</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.conversation-view")]
public sealed record ConversationView(
    [property: Id(0)] ConversationSummary Summary,
    [property: Id(1)] ImmutableArray<ChatMessage> RecentMessages);
