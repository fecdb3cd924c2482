namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// A delivery-status update Twilio posts to a message's <c>StatusCallback</c> URL
/// (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). Callbacks can arrive out of
/// order and more than once; parse with <see cref="TwilioStatusCallbackParser"/>.
/// </summary>
/// <param name="MessageSid">The outbound message this is about.</param>
/// <param name="Status">The new status.</param>
/// <param name="ErrorCode">Twilio's error code when the message failed (e.g. 63016 outside the 24-hour window).</param>
/// <param name="ErrorMessage">Twilio's description of the error, when it sends one.</param>
/// <param name="To">The recipient.</param>
/// <param name="From">Our business number.</param>
/// <param name="AccountSid">The account that sent the message.</param>
public sealed record TwilioStatusCallback(
    string MessageSid,
    TwilioMessageStatus Status,
    int? ErrorCode,
    string? ErrorMessage,
    WhatsAppAddress To,
    WhatsAppAddress From,
    string AccountSid);
