namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>
/// Where a call is in its life, as Twilio reports it in <c>CallStatus</c>
/// (https://www.twilio.com/docs/voice/api/call-resource#call-status-values).
/// </summary>
public enum TwilioCallStatus
{
    /// <summary>Not a status Twilio sends; the default of an unset value.</summary>
    Unknown,

    /// <summary><c>queued</c>: an outbound call waiting to be dialled.</summary>
    Queued,

    /// <summary><c>ringing</c>: the call is ringing; the incoming-call webhook carries this.</summary>
    Ringing,

    /// <summary><c>in-progress</c>: answered and connected.</summary>
    InProgress,

    /// <summary><c>completed</c>: answered, then ended normally.</summary>
    Completed,

    /// <summary><c>busy</c>: the line was busy, or the hub answered <c>&lt;Reject reason="busy"/&gt;</c>.</summary>
    Busy,

    /// <summary><c>failed</c>: the call could not be connected (bad number, application error).</summary>
    Failed,

    /// <summary><c>no-answer</c>: nobody answered, or the hub answered <c>&lt;Reject/&gt;</c>.</summary>
    NoAnswer,

    /// <summary><c>canceled</c>: hung up while queued or ringing.</summary>
    Canceled,
}
