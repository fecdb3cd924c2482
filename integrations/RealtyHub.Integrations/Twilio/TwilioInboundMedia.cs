namespace RealtyHub.Integrations.Twilio;

/// <summary>
/// One attachment of an inbound message (<c>MediaUrl{n}</c>/<c>MediaContentType{n}</c>). The URL needs the
/// account's credentials; download it with <see cref="TwilioMediaClient"/>.
/// </summary>
public sealed record TwilioInboundMedia(Uri Url, string ContentType);
