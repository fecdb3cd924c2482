namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>A <c>media</c> message from Twilio: 20 ms of the call's audio (160 mu-law bytes at 8 kHz).</summary>
/// <param name="SequenceNumber">Position in the stream's messages.</param>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="Track"><c>inbound</c> (the caller) or <c>outbound</c>.</param>
/// <param name="Chunk">The chunk's number within its track, from 1.</param>
/// <param name="Timestamp">Milliseconds since the stream started.</param>
/// <param name="Payload">The raw mu-law bytes (Base64 on the wire).</param>
public sealed record MediaStreamMedia(
    long SequenceNumber,
    string StreamSid,
    string Track,
    long Chunk,
    long Timestamp,
    ReadOnlyMemory<byte> Payload) : MediaStreamMessage
{
    /// <summary>Bytes in one 20 ms chunk of 8 kHz mu-law.</summary>
    public const int BytesPer20Milliseconds = 160;

    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Media;
}
