namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// A <c>mark</c>: sent by the hub after outbound audio, echoed by Twilio (with a sequence number) once that audio
/// has played or was cleared.
/// </summary>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="Name">The label.</param>
/// <param name="SequenceNumber">Position in the stream's messages; only on marks from Twilio.</param>
public sealed record MediaStreamMark(string StreamSid, string Name, long? SequenceNumber = null) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Mark;
}
