using System.Collections.Immutable;

namespace RealtyHub.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <summary>How many recent messages the grain keeps; older ones are read from the message store.</summary>
    public const int RecentWindow = 50;

    /// <summary>How many inbound MessageSids the grain remembers to spot Twilio's retries without a query.</summary>
    public const int RememberedSids = 500;

    [GenerateSerializer, Alias("realtyhub.conversation-grain.state")]
    public sealed record State
    {
        [Id(0)] public string? ClientPhone { get; init; }

        [Id(1)] public string? BusinessPhone { get; init; }

        [Id(2)] public string? ClientName { get; init; }

        [Id(3)] public string? LeadId { get; init; }

        [Id(4)] public string? AssignedAgentId { get; init; }

        [Id(5)] public ConversationStatus Status { get; init; }

        [Id(6)] public DateTimeOffset? LastInboundAt { get; init; }

        [Id(7)] public DateTimeOffset LastMessageAt { get; init; }

        [Id(8)] public int UnreadCount { get; init; }

        [Id(9)] public bool OptedOut { get; init; }

        [Id(10)] public DateTimeOffset? OptedOutAt { get; init; }

        /// <summary>The client's first message the agents have not answered yet.</summary>
        [Id(11)] public DateTimeOffset? AwaitingReplySince { get; init; }

        [Id(12)] public DateTimeOffset? FirstResponseDueAt { get; init; }

        [Id(13)] public ImmutableList<ChatMessage> Recent { get; init; } = [];

        [Id(14)] public ImmutableList<string> RecentInboundSids { get; init; } = [];

        [Id(15)] public string? Language { get; init; }

        /// <summary>Voice notes still waiting for their machine transcript.</summary>
        [Id(16)] public ImmutableList<PendingTranscript> PendingTranscripts { get; init; } = [];

        public State Append(ChatMessage message) => this with
        {
            Recent = Recent.Count >= RecentWindow ? Recent.RemoveAt(0).Add(message) : Recent.Add(message),
            LastMessageAt = message.At,
        };

        public State RememberSid(string sid) => this with
        {
            RecentInboundSids = RecentInboundSids.Count >= RememberedSids ? RecentInboundSids.RemoveAt(0).Add(sid) : RecentInboundSids.Add(sid),
        };
    }
}
