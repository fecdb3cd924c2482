namespace RealtyHub.Grains.Conversations;

/// <summary>
/// One WhatsApp conversation between a brokerage and a client. Key: <c>{brokerageId}/{client digits}</c>
/// (see <see cref="ConversationKeys"/>).
/// </summary>
[Alias("realtyhub.conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>The conversation and its recent messages; <c>null</c> if the client never wrote.</summary>
    [Alias("get")]
    Task<ConversationView?> GetAsync();

    /// <summary>
    /// Takes an inbound message: stores it (once per MessageSid: <c>false</c> for a repeat), upserts the lead,
    /// handles opt-out keywords, asks routing for an agent when unassigned, and publishes the change.
    /// </summary>
    [Alias("receive")]
    Task<bool> ReceiveAsync(InboundWhatsApp message);

    /// <summary>Queues an agent's reply for sending, enforcing opt-out and the 24-hour window.</summary>
    [Alias("reply")]
    Task<ReplyOutcome> ReplyAsync(ReplyRequest reply);

    /// <summary>Records a delivery update of an outbound message (from the sender or a Twilio status callback).</summary>
    [Alias("apply-delivery")]
    Task ApplyDeliveryAsync(string messageId, DeliveryStatus status, string? providerSid, string? errorCode, string? errorMessage);

    /// <summary>Assigns the conversation to an agent (<c>null</c>: back to unassigned) on behalf of <paramref name="actor"/>.</summary>
    [Alias("assign")]
    Task<ConversationSummary> AssignAsync(string? agentId, string actor);

    /// <summary>Routing's assignment; one-way so routing never waits on a conversation that may be waiting on it.</summary>
    [Alias("assign-from-routing"), OneWay]
    Task AssignFromRoutingAsync(string agentId);

    /// <summary>The agent has seen the conversation: unread goes to zero.</summary>
    [Alias("mark-read")]
    Task MarkReadAsync();

    /// <summary>Resolves or reopens the conversation.</summary>
    [Alias("set-status")]
    Task<ConversationSummary> SetStatusAsync(ConversationStatus status, string actor);

    /// <summary>Keeps a voice note's machine transcript and shows it under the note (the grain's own transcriber calls it).</summary>
    [Alias("attach-transcript")]
    Task AttachTranscriptAsync(string messageId, string mediaId, MediaTranscript transcript);

    /// <summary>Checks the first-response SLA now (the SLA reminder calls this; tests call it with a controlled clock).</summary>
    [Alias("check-first-response")]
    Task CheckFirstResponseAsync();
}
