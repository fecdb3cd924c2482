using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Voice;

/// <summary>
/// The grains' port to speech recognition of stored audio (voice notes, recorded requests). The host implements it
/// with the Whisper engine; grains never touch audio or native code.
/// </summary>
public interface ISpeechToText
{
    /// <summary><c>null</c> when transcripts can be made; otherwise what is missing and how to enable it.</summary>
    string? Problem { get; }

    /// <summary>
    /// Transcribes a stored audio file. Unreadable audio and a missing engine come back as a transcript with status
    /// Failed / Unavailable and the reason; only a full queue throws.
    /// </summary>
    /// <exception cref="SpeechEngineBusyException">The engine's queue is full: try again shortly.</exception>
    Task<MediaTranscript> TranscribeMediaAsync(string brokerageId, string mediaId, string? language, CancellationToken cancellationToken = default);
}
