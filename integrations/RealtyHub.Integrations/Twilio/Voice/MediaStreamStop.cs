namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>The <c>stop</c> message: the stream ended (the call hung up or the stream was stopped). The last message.</summary>
/// <param name="SequenceNumber">Position in the stream's messages.</param>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="AccountSid">The account (<c>AC…</c>).</param>
/// <param name="CallSid">The call (<c>CA…</c>).</param>
public sealed record MediaStreamStop(long SequenceNumber, string StreamSid, string AccountSid, string CallSid) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Stop;
}
