namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>A <c>dtmf</c> message: the caller pressed a key.</summary>
/// <param name="SequenceNumber">Position in the stream's messages.</param>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="Track"><c>inbound_track</c>.</param>
/// <param name="Digit">The key: <c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>.</param>
public sealed record MediaStreamDtmf(long SequenceNumber, string StreamSid, string Track, string Digit) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Dtmf;
}
