using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Data;

/// <summary>Which conversations an inbox list shows.</summary>
public enum InboxFilter
{
    Mine,
    Unassigned,
    All,
}

/// <summary>A stored message with its position, for paging backwards.</summary>
public sealed record StoredMessage(long Sequence, ChatMessage Message);

/// <summary>
/// Conversation history in PostgreSQL: <c>messages</c> and <c>message_status_events</c> are append-only;
/// <c>conversations</c> is the inbox's queryable copy of each conversation grain's summary.
/// </summary>
public interface IConversationStore
{
    /// <summary>Appends a message; <c>false</c> if a message with that id is already stored (a retry).</summary>
    Task<bool> TryAppendMessageAsync(string brokerageId, string conversationId, ChatMessage message, CancellationToken cancellationToken = default);

    Task AppendStatusAsync(string brokerageId, string messageId, DeliveryStatus status, string? providerSid, string? errorCode, string? errorMessage, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task UpsertSummaryAsync(ConversationSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Messages older than <paramref name="beforeSequence"/> (newest first), each with its latest status.</summary>
    Task<IReadOnlyList<StoredMessage>> PageAsync(string brokerageId, string conversationId, long? beforeSequence, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationSummary>> ListAsync(string brokerageId, InboxFilter filter, string? agentId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The brokerage's conversations that are not resolved, newest first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListOpenAsync(string brokerageId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Conversations whose client phone, name or any message text contains <paramref name="text"/>.</summary>
    Task<IReadOnlyList<ConversationSummary>> SearchAsync(string brokerageId, string text, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Outbound messages queued in the given span that never got a send result: a crash took them between the grain
    /// storing them and the sender reporting back.
    /// </summary>
    Task<IReadOnlyList<OutboundWhatsApp>> ListUnsentAsync(DateTimeOffset queuedBefore, DateTimeOffset queuedAfter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Which brokerage and conversation an outbound message with Twilio sid <paramref name="providerSid"/> belongs to.</summary>
    Task<(string BrokerageId, string ConversationId, string MessageId)?> FindByProviderSidAsync(string providerSid, CancellationToken cancellationToken = default);
}
