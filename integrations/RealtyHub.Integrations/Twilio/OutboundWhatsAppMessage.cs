namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// A WhatsApp message for <see cref="TwilioMessagingClient.SendAsync"/>: free-form text (<see cref="Body"/>, only
/// within 24 hours of the client's last message) or an approved template (<see cref="ContentSid"/> with
/// <see cref="ContentVariables"/>, allowed at any time).
/// </summary>
public sealed record OutboundWhatsAppMessage
{
    /// <summary>The client.</summary>
    public required WhatsAppAddress To { get; init; }

    /// <summary>Our WhatsApp sender number.</summary>
    public required WhatsAppAddress From { get; init; }

    /// <summary>
    /// Free-form text, up to 1600 characters. Required unless <see cref="ContentSid"/> or <see cref="MediaUrls"/> is
    /// set; not sent when <see cref="ContentSid"/> is (the template is the content), so it may hold the hub's own
    /// rendering of the template.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>An approved content template (<c>HX</c> + 32 hex digits).</summary>
    public string? ContentSid { get; init; }

    /// <summary>The template's placeholders (<c>{"1": "Sara"}</c>); only with <see cref="ContentSid"/>.</summary>
    public IReadOnlyDictionary<string, string>? ContentVariables { get; init; }

    /// <summary>Publicly reachable media to attach (WhatsApp allows one per message).</summary>
    public IReadOnlyList<Uri> MediaUrls { get; init; } = [];

    /// <summary>Where Twilio posts status updates (sent, delivered, read, failed...).</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>
    /// Sent as <c>I-Twilio-Idempotency-Token</c>: Twilio creates one message per token, so a retried request
    /// cannot send twice. Pass a stable id of the hub's outbound message to make retries across restarts safe
    /// too; when <c>null</c> a fresh token covers this call's own retries.
    /// </summary>
    public string? IdempotencyToken { get; init; }
}
