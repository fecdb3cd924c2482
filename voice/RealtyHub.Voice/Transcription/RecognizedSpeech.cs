namespace RealtyHub.Voice.Transcription;

/// <summary>Raw engine output before the transcriber adds timing and clamps segment times to the audio.</summary>
internal sealed record RecognizedSpeech(IReadOnlyList<TranscriptSegment> Segments, string? Language);
