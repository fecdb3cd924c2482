namespace RealtyHub.TwilioEmulator;

/// <summary>A file a simulated client attaches to an inbound message.</summary>
public sealed record EmulatedMedia(string ContentType, ReadOnlyMemory<byte> Content);
