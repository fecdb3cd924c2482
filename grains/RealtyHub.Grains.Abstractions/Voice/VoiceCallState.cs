namespace RealtyHub.Grains.Voice;

/// <summary>A live call's life: answered by the hub (waiting for its audio stream), streaming, ended.</summary>
[GenerateSerializer, Alias("realtyhub.voice-call-state")]
public enum VoiceCallState
{
    Ringing = 0,
    Live = 1,
    Ended = 2,
}
