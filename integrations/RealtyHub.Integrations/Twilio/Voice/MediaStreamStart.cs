namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>The <c>start</c> message: which call the stream belongs to, its tracks, format and custom parameters.</summary>
/// <param name="SequenceNumber">Position in the stream's messages; <c>1</c> for start.</param>
/// <param name="StreamSid">The stream (<c>MZ…</c>).</param>
/// <param name="AccountSid">The account (<c>AC…</c>).</param>
/// <param name="CallSid">The call (<c>CA…</c>) whose audio this is.</param>
/// <param name="Tracks">The tracks that will be sent, e.g. <c>inbound</c>.</param>
/// <param name="CustomParameters">The <c>&lt;Parameter&gt;</c>s of the TwiML <c>&lt;Stream&gt;</c>.</param>
/// <param name="MediaFormat">The payload format; always <see cref="MediaStreamFormat.MuLaw8000"/>.</param>
public sealed record MediaStreamStart(
    long SequenceNumber,
    string StreamSid,
    string AccountSid,
    string CallSid,
    IReadOnlyList<string> Tracks,
    IReadOnlyDictionary<string, string> CustomParameters,
    MediaStreamFormat MediaFormat) : MediaStreamMessage
{
    /// <inheritdoc/>
    public override string EventName => MediaStreamEvents.Start;
}
