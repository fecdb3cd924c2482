namespace RealtyHub.Grains.Voice;

/// <summary>
/// One live call: who is calling, which lead and agent it belongs to, and its transcript as it is spoken. Key:
/// <c>{brokerageId}/{callSid}</c>. The web node holding the call's media stream feeds it transcript lines; every change
/// is pushed to the agent's and the supervisors' consoles, and the ended call joins the lead's timeline.
/// </summary>
[Alias("realtyhub.voice-session")]
public interface IVoiceSessionGrain : IGrainWithStringKey
{
    /// <summary>The hub answers the call: finds the lead and agent. Idempotent for a repeated webhook.</summary>
    [Alias("start")]
    Task<VoiceCallView> StartAsync(IncomingCall incoming);

    /// <summary>
    /// The call's media stream connected. <c>true</c> once per call, while it rings; any other stream (replayed,
    /// second, or for a call that ended or never started here) is refused.
    /// </summary>
    [Alias("attach-stream")]
    Task<bool> AttachStreamAsync(string streamSid, string? transcriptionProblem);

    /// <summary>Words still being spoken: pushed live, not kept. One-way: the audio path never waits on consoles.</summary>
    [Alias("partial"), OneWay]
    Task PartialAsync(TranscriptLine line);

    /// <summary>A finished utterance: kept and pushed.</summary>
    [Alias("add-line")]
    Task AddLineAsync(TranscriptLine line);

    /// <summary>The call ended (stream stopped, caller hung up, or the stream broke); idempotent.</summary>
    [Alias("end")]
    Task<VoiceCallView?> EndAsync(string reason);

    /// <summary>The call, or <c>null</c> if the hub never answered it.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<VoiceCallView?> GetAsync();
}
