using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>A snapshot of an emulated phone call to the hub: what the hub answered, what was streamed, how it ended.</summary>
/// <param name="CallSid">The call's id (<c>CA…</c>).</param>
/// <param name="From">The caller, E.164.</param>
/// <param name="To">The hub's number, E.164.</param>
/// <param name="Status">Where the call is; final once <see cref="EndedAt"/> is set.</param>
/// <param name="CallStatus"><see cref="Status"/> by its Twilio wire name (<c>in-progress</c>, <c>no-answer</c>).</param>
/// <param name="EndReason">Why it ended (<see cref="EmulatedCallEndReasons"/>); <c>null</c> while it lasts.</param>
/// <param name="WebhookStatusCode">The hub's HTTP status for the incoming-call webhook, once answered.</param>
/// <param name="Twiml">The TwiML the hub answered with.</param>
/// <param name="StreamUrl">The <c>&lt;Connect&gt;&lt;Stream url&gt;</c> of that TwiML, if any.</param>
/// <param name="StreamSid">The Media Stream's id (<c>MZ…</c>), once a stream is started.</param>
/// <param name="CustomParameters">The stream's <c>&lt;Parameter&gt;</c>s, sent in the <c>start</c> message.</param>
/// <param name="AudioFrames">How many 20 ms frames the call's audio has.</param>
/// <param name="FramesSent">How many of them were sent.</param>
/// <param name="MessagesFromHub">Messages the hub sent back on the stream (media, mark, clear).</param>
/// <param name="CallDuration">Seconds the call lasted (its audio, rounded up), as reported in the status callback.</param>
/// <param name="StatusCallbackStatusCode">The hub's HTTP status for the status callback, if one was posted.</param>
/// <param name="Errors">What went wrong, for a person reading it.</param>
/// <param name="StartedAt">When the call rang.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record EmulatedCall(
    string CallSid,
    string From,
    string To,
    TwilioCallStatus Status,
    string CallStatus,
    string? EndReason,
    int? WebhookStatusCode,
    string? Twiml,
    Uri? StreamUrl,
    string? StreamSid,
    IReadOnlyDictionary<string, string> CustomParameters,
    int AudioFrames,
    int FramesSent,
    int MessagesFromHub,
    int CallDuration,
    int? StatusCallbackStatusCode,
    IReadOnlyList<string> Errors,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Whether the call is over.</summary>
    public bool IsFinished => EndedAt is not null;
}
