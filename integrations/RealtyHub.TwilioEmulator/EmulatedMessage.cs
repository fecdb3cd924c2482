using RealtyHub.Integrations.Twilio;

namespace RealtyHub.TwilioEmulator;

/// <summary>A message as the emulator holds it: an immutable snapshot, replaced on every status change.</summary>
public sealed record EmulatedMessage
{
    /// <summary>Twilio's id (<c>SM…</c>, or <c>MM…</c> for inbound media).</summary>
    public required string Sid { get; init; }

    /// <summary>Inbound (client to business) or outbound (hub to client).</summary>
    public required EmulatedMessageDirection Direction { get; init; }

    /// <summary>The client's E.164 number, whichever way the message went.</summary>
    public required string ClientNumber { get; init; }

    /// <summary>The business's E.164 number, whichever way the message went.</summary>
    public required string BusinessNumber { get; init; }

    /// <summary>The text; for a template send, the rendered template (or the ContentSid when the template is unknown).</summary>
    public required string Body { get; init; }

    /// <summary>The template used, for outbound template sends.</summary>
    public string? ContentSid { get; init; }

    /// <summary>The template variables as sent (JSON), for outbound template sends.</summary>
    public string? ContentVariables { get; init; }

    /// <summary>The client's WhatsApp profile name, for inbound messages.</summary>
    public string? ProfileName { get; init; }

    /// <summary>Attachments.</summary>
    public IReadOnlyList<EmulatedMediaLink> Media { get; init; } = [];

    /// <summary>The current status: <c>received</c> for inbound; <c>queued</c> → <c>sent</c> → <c>delivered</c> → <c>read</c>, or <c>failed</c>/<c>undelivered</c>, for outbound.</summary>
    public required TwilioMessageStatus Status { get; init; }

    /// <summary>Twilio's error code once the message failed (63016, 63003).</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Twilio's description of <see cref="ErrorCode"/>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Where status updates are posted, exactly as the hub gave it (the signature covers this text).</summary>
    public string? StatusCallback { get; init; }

    /// <summary>When the emulator created the message.</summary>
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>When it was sent, once it was.</summary>
    public DateTimeOffset? DateSent { get; init; }

    /// <summary>Twilio's <c>From</c>: <c>whatsapp:+…</c>.</summary>
    public string From => WhatsAppAddress.Prefix + (Direction == EmulatedMessageDirection.Inbound ? ClientNumber : BusinessNumber);

    /// <summary>Twilio's <c>To</c>: <c>whatsapp:+…</c>.</summary>
    public string To => WhatsAppAddress.Prefix + (Direction == EmulatedMessageDirection.Inbound ? BusinessNumber : ClientNumber);
}
