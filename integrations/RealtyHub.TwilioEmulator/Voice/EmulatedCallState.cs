using RealtyHub.Integrations.Twilio.Voice;

namespace RealtyHub.TwilioEmulator.Voice;

/// <summary>The live, mutable state of one emulated call; written by its own call flow, read as snapshots by anyone.</summary>
internal sealed class EmulatedCallState(string callSid, string from, string to, int audioFrames, DateTimeOffset startedAt)
{
    private readonly Lock gate = new();
    private readonly List<string> errors = [];
    private readonly TaskCompletionSource<EmulatedCall> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TwilioCallStatus status = TwilioCallStatus.Ringing;
    private string? endReason;
    private int? webhookStatusCode;
    private string? twiml;
    private Uri? streamUrl;
    private string? streamSid;
    private IReadOnlyDictionary<string, string> customParameters = new Dictionary<string, string>();
    private int framesSent;
    private int messagesFromHub;
    private int? statusCallbackStatusCode;
    private DateTimeOffset? endedAt;

    public string CallSid => callSid;

    public string From => from;

    public string To => to;

    public int AudioFrames => audioFrames;

    /// <summary>Seconds of audio streamed, rounded up: the emulated call lasts as long as its caller spoke to the hub.</summary>
    public int CallDuration
    {
        get
        {
            lock (gate)
            {
                return Seconds(framesSent);
            }
        }
    }

    public Task<EmulatedCall> Finished => finished.Task;

    public void Answered(int statusCode, string body) => Update(() => (webhookStatusCode, twiml) = (statusCode, body));

    public void StreamStarting(Uri url, string sid, IReadOnlyDictionary<string, string> parameters) =>
        Update(() => (status, streamUrl, streamSid, customParameters) = (TwilioCallStatus.InProgress, url, sid, parameters));

    public void FrameSent() => Update(() => framesSent++);

    public void MessageFromHub() => Update(() => messagesFromHub++);

    public void Error(string error) => Update(() => errors.Add(error));

    public void StatusCallbackPosted(int statusCode) => Update(() => statusCallbackStatusCode = statusCode);

    /// <summary>Sets the final status (once; later calls are ignored) and returns it.</summary>
    public TwilioCallStatus End(TwilioCallStatus finalStatus, string reason, DateTimeOffset at)
    {
        lock (gate)
        {
            if (endReason is null)
            {
                (status, endReason, endedAt) = (finalStatus, reason, at);
            }

            return status;
        }
    }

    /// <summary>Publishes the final snapshot to <see cref="Finished"/>, after the status callback.</summary>
    public void Complete() => finished.TrySetResult(Snapshot());

    public EmulatedCall Snapshot()
    {
        lock (gate)
        {
            return new EmulatedCall(
                callSid, from, to, status, status.ToWireName(), endReason, webhookStatusCode, twiml, streamUrl, streamSid,
                customParameters, audioFrames, framesSent, messagesFromHub, Seconds(framesSent), statusCallbackStatusCode, [.. errors],
                startedAt, endedAt);
        }
    }

    private static int Seconds(int frames) => (int)Math.Ceiling(frames * CallAudio.FrameLength.TotalSeconds);

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
        }
    }
}
