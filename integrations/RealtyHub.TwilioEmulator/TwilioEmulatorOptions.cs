namespace RealtyHub.TwilioEmulator;

/// <summary>
/// Settings of the Twilio emulator. <see cref="AccountSid"/> and <see cref="AuthToken"/> must match the hub's
/// <c>Twilio</c> options, exactly as with real Twilio.
/// </summary>
public sealed class TwilioEmulatorOptions
{
    /// <summary>The emulated account (<c>AC</c> + 32 hex digits).</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>The emulated account's auth token: checked on REST calls, and the key of every signature it sends.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>The hub's inbound WhatsApp webhook, where simulated client messages are posted.</summary>
    public Uri? InboundWebhookUrl { get; set; }

    /// <summary>
    /// The hub's incoming-call (Voice URL) webhook, where emulated phone calls are posted
    /// (<see cref="Voice.EmulatedCallService"/>); the hub answers it with TwiML.
    /// </summary>
    public Uri? VoiceWebhookUrl { get; set; }

    /// <summary>Where each emulated call's final status is posted (Twilio's call <c>StatusCallback</c>); none when <c>null</c>.</summary>
    public Uri? VoiceStatusCallbackUrl { get; set; }

    /// <summary>
    /// The emulator's own externally visible base URL (without the path prefix), used for <c>MediaUrl{n}</c>.
    /// When <c>null</c> the first address the server listens on is used, which suits tests on 127.0.0.1:0.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long after creation a message is <c>sent</c> (or <c>failed</c>).</summary>
    public TimeSpan SentDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long after <c>sent</c> a message is <c>delivered</c> (or <c>undelivered</c>).</summary>
    public TimeSpan DeliveredDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after <c>delivered</c> the client reads it, when <see cref="SendReadReceipts"/>.</summary>
    public TimeSpan ReadDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether delivered messages go on to <c>read</c>, as with clients who have read receipts on.</summary>
    public bool SendReadReceipts { get; set; } = true;

    /// <summary>E.164 numbers not on WhatsApp: messages to them end <c>undelivered</c> with error 63003.</summary>
    public ISet<string> UndeliverableNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// WhatsApp's customer service window: a free-form message (no <c>ContentSid</c>) to a client who has not
    /// written to that business number within it fails with error 63016.
    /// </summary>
    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Approved templates by <c>ContentSid</c>, with <c>{{1}}</c>-style placeholders, so template sends show
    /// their text. Unknown content SIDs are accepted and shown as the SID.
    /// </summary>
    public IDictionary<string, string> ContentTemplates { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
