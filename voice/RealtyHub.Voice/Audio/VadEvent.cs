namespace RealtyHub.Voice.Audio;

/// <summary>Something <see cref="VoiceActivityDetector"/> noticed; times are from the start of the stream.</summary>
public abstract record VadEvent;
