namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// What the caller hears when the hub answers <c>&lt;Reject&gt;</c>, and the status the call ends with
/// (https://www.twilio.com/docs/voice/twiml/reject).
/// </summary>
public enum TwilioRejectReason
{
    /// <summary><c>rejected</c>: a not-in-service message; the call ends <c>no-answer</c>.</summary>
    Rejected,

    /// <summary><c>busy</c>: a busy signal; the call ends <c>busy</c>.</summary>
    Busy,
}
