namespace RealtyHub.TwilioEmulator;

/// <summary>What happened to a simulated inbound message.</summary>
/// <param name="MessageSid">The id it was posted with (the same on every repeat).</param>
/// <param name="WebhookStatusCodes">The hub's HTTP status for each post, in order.</param>
public sealed record EmulatedInboundResult(string MessageSid, IReadOnlyList<int> WebhookStatusCodes)
{
    /// <summary>The hub's HTTP status for the last post.</summary>
    public int WebhookStatusCode => WebhookStatusCodes[^1];
}
