namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>How the hub's TwiML ends the ringing phase of a call.</summary>
internal enum TwimlOutcome
{
    /// <summary>The TwiML ran out: Twilio hangs up (<c>completed</c>).</summary>
    EndOfDocument,

    /// <summary><c>&lt;Connect&gt;&lt;Stream&gt;</c>.</summary>
    Stream,

    /// <summary><c>&lt;Reject&gt;</c>.</summary>
    Reject,

    /// <summary><c>&lt;Hangup&gt;</c>.</summary>
    Hangup,
}
