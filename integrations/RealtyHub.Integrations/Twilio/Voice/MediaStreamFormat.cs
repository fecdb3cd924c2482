namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>The <c>mediaFormat</c> of a stream's <c>start</c> message. Twilio streams are always 8 kHz mono mu-law.</summary>
/// <param name="Encoding">The MIME type of the payloads, <c>audio/x-mulaw</c>.</param>
/// <param name="SampleRate">Samples per second, 8000.</param>
/// <param name="Channels">1.</param>
public sealed record MediaStreamFormat(string Encoding, int SampleRate, int Channels)
{
    /// <summary>The only format Twilio streams: G.711 mu-law, 8000 Hz, mono.</summary>
    public static MediaStreamFormat MuLaw8000 { get; } = new("audio/x-mulaw", 8000, 1);
}
