namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// A <c>media</c> message from the hub to Twilio on a bidirectional stream: audio to play to the caller
/// (<c>{"event":"media","streamSid":"MZ…","media":{"payload":"…"}}</c>, 8 kHz mu-law, no sequence numbers).
/// </summary>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="Payload">The raw mu-law bytes.</param>
public sealed record MediaStreamOutboundMedia(string StreamSid, ReadOnlyMemory<byte> Payload) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Media;
}
