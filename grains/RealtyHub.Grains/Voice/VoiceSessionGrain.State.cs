namespace RealtyHub.Grains.Voice;

public sealed partial class VoiceSessionGrain
{
    [GenerateSerializer, Alias("realtyhub.voice-session-grain.state")]
    public sealed record State
    {
        [Id(0)] public VoiceCallView? Call { get; init; }

        /// <summary>The one media stream this call accepted; any other is refused.</summary>
        [Id(1)] public string? StreamSid { get; init; }
    }
}
