namespace RealtyHub.Voice.Audio;

/// <summary>Speech was confirmed; the utterance's audio starts <paramref name="At"/> (pre-roll included).</summary>
/// <param name="At">Start of the utterance's audio, equal to the matching <see cref="UtteranceEnded.Start"/>.</param>
public sealed record SpeechStarted(TimeSpan At) : VadEvent;
