namespace RealtyHub.Grains.Conversations;

[GenerateSerializer, Alias("realtyhub.reply-status")]
public enum ReplyStatus
{
    Queued = 0,
    Invalid = 1,
    OptedOut = 2,
    WindowClosed = 3,
}

/// <summary>What became of a reply; <see cref="Reason"/> is written for the agent.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.reply-outcome")]
public sealed record ReplyOutcome(
    [property: Id(0)] ReplyStatus Status,
    [property: Id(1)] ChatMessage? Message,
    [property: Id(2)] string? Reason);
