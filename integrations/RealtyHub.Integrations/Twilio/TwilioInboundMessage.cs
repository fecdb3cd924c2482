namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// A WhatsApp message a client sent to one of our numbers, as Twilio posts it to the inbound webhook
/// (https://www.twilio.com/docs/messaging/guides/webhook-request). Parse it with <see cref="TwilioInboundMessageParser"/>.
/// </summary>
/// <param name="MessageSid">Twilio's id (<c>SM…</c>, or <c>MM…</c> with media); the same on Twilio's retries, so deduplicate on it.</param>
/// <param name="AccountSid">The account the message arrived on.</param>
/// <param name="MessagingServiceSid">The messaging service of the receiving number, if any.</param>
/// <param name="From">The client.</param>
/// <param name="To">Our business number.</param>
/// <param name="Body">The text; empty for a media-only message.</param>
/// <param name="ProfileName">The client's WhatsApp profile name, if shared.</param>
/// <param name="WaId">The client's WhatsApp ID (their number without <c>+</c>), if sent.</param>
/// <param name="Media">The attachments, in <c>MediaUrl0..n</c> order.</param>
/// <param name="NumSegments">How many segments Twilio counted (1 for WhatsApp).</param>
public sealed record TwilioInboundMessage(
    string MessageSid,
    string AccountSid,
    string? MessagingServiceSid,
    WhatsAppAddress From,
    WhatsAppAddress To,
    string Body,
    string? ProfileName,
    string? WaId,
    IReadOnlyList<TwilioInboundMedia> Media,
    int NumSegments);
