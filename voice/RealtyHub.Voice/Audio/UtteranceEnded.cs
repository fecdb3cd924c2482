namespace RealtyHub.Voice.Audio;

/// <summary>An utterance is complete: its 16 kHz audio, with <see cref="VadOptions.PreRoll"/> before the speech and up
/// to <see cref="VadOptions.EndPadding"/> after it; <c>Audio.Duration == End - Start</c>.</summary>
/// <param name="Audio">The utterance's audio.</param>
/// <param name="Start">Stream time of the first sample of <paramref name="Audio"/>.</param>
/// <param name="End">Stream time just after the last sample of <paramref name="Audio"/>.</param>
/// <param name="ForcedCut">True when <see cref="VadOptions.MaxUtterance"/> cut ongoing speech; the next utterance
/// starts at <paramref name="End"/>.</param>
public sealed record UtteranceEnded(AudioClip Audio, TimeSpan Start, TimeSpan End, bool ForcedCut) : VadEvent;
