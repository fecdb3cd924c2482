namespace RealtyHub.TwilioEmulator.Engine;

/// <summary>
/// Inbound media the emulator serves. <see cref="DownloadToken"/> plays the part of the signed storage URL
/// Twilio redirects to: whoever has it may fetch the bytes without credentials.
/// </summary>
internal sealed record StoredMedia(string Sid, string ContentType, ReadOnlyMemory<byte> Content, string DownloadToken);
