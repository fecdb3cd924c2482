namespace RealtyHub.Hosting.Messaging;

/// <summary>How the sender recovers replies that a crash left unsent.</summary>
public sealed class OutboxOptions
{
    public const string Section = "RealtyHub:Outbox";

    /// <summary>How often to look for stranded replies.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A reply with no send result this long after it was queued is sent again (same idempotency token).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Older replies are left alone: WhatsApp's window will have moved on, and the agent sees them as queued.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(6);
}
