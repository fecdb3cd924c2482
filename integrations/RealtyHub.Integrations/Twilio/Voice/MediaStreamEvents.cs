namespace RealtyHub.Integrations.Twilio.Voice;

/// <summary>The <c>event</c> names of Media Stream messages.</summary>
public static class MediaStreamEvents
{
    /// <summary>Twilio → hub, first message: the protocol in use.</summary>
    public const string Connected = "connected";

    /// <summary>Twilio → hub: stream metadata.</summary>
    public const string Start = "start";

    /// <summary>Both ways: audio.</summary>
    public const string Media = "media";

    /// <summary>Both ways: the hub labels a point in its outbound audio; Twilio echoes it once played.</summary>
    public const string Mark = "mark";

    /// <summary>Twilio → hub: the caller pressed a key.</summary>
    public const string Dtmf = "dtmf";

    /// <summary>Twilio → hub, last message: the stream ended.</summary>
    public const string Stop = "stop";

    /// <summary>Hub → Twilio: drop the outbound audio not played yet.</summary>
    public const string Clear = "clear";
}
