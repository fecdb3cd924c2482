namespace RealtyHub.Integrations.Twilio;

/// <summary>A downloaded media item: its bytes and the content type the server declared.</summary>
public sealed record TwilioMedia(ReadOnlyMemory<byte> Content, string ContentType);
