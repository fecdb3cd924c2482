namespace RealtyHub.Voice.Audio;

/// <summary>Speech is still going on: the audio so far, for a partial transcript (every <see cref="VadOptions.PartialInterval"/>).</summary>
/// <param name="SoFar">16 kHz audio from <paramref name="Start"/> to now.</param>
/// <param name="Start">Start of the utterance's audio.</param>
public sealed record SpeechContinuing(AudioClip SoFar, TimeSpan Start) : VadEvent;
