namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>Why an emulated call ended (<see cref="EmulatedCall.EndReason"/>).</summary>
public static class EmulatedCallEndReasons
{
    /// <summary>All audio was streamed, then <c>stop</c> was sent and the socket closed: <c>completed</c>.</summary>
    public const string StreamFinished = "stream-finished";

    /// <summary>The hub closed the WebSocket (or dropped it) before the audio ended: <c>completed</c>, as Twilio ends the call.</summary>
    public const string HubClosedStream = "hub-closed-stream";

    /// <summary>The WebSocket could not be opened: <c>failed</c>.</summary>
    public const string StreamRefused = "stream-refused";

    /// <summary>The stream broke the protocol or the connection failed mid-call: <c>failed</c>.</summary>
    public const string StreamError = "stream-error";

    /// <summary>The hub answered <c>&lt;Reject&gt;</c>: <c>busy</c> or <c>no-answer</c>.</summary>
    public const string Rejected = "rejected";

    /// <summary>The hub answered <c>&lt;Hangup&gt;</c> before any stream: <c>completed</c>.</summary>
    public const string HungUp = "hangup";

    /// <summary>The TwiML ran out without a stream (e.g. only <c>&lt;Say&gt;</c>): <c>completed</c>.</summary>
    public const string NoStream = "no-stream";

    /// <summary>The webhook answered a non-2xx status: <c>failed</c> (Twilio's "application error").</summary>
    public const string WebhookError = "webhook-error";

    /// <summary>The webhook could not be reached: <c>failed</c>.</summary>
    public const string WebhookUnreachable = "webhook-unreachable";

    /// <summary>The webhook's answer is not TwiML the emulator can follow: <c>failed</c>.</summary>
    public const string InvalidTwiml = "invalid-twiml";

    /// <summary>The emulator shut down mid-call: <c>canceled</c>.</summary>
    public const string Canceled = "canceled";
}
