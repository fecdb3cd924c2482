namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>A <c>clear</c> message from the hub: drop outbound audio not yet played (Twilio then echoes pending marks).</summary>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
public sealed record MediaStreamClear(string StreamSid) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Clear;
}
