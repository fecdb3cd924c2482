namespace RealtyHub.Voice.Transcription;

/// <summary>
/// The model side of a transcriber: reports readiness and opens per-worker sessions (loading the model on first use).
/// A seam so the queueing of <see cref="WhisperTranscriber"/> is tested without native code.
/// </summary>
internal interface ISpeechEngine : IDisposable
{
    TranscriberHealth Health { get; }

    /// <summary>Whether the engine knows an ISO 639-1 code; only asked when <see cref="Health"/> is ready.</summary>
    bool IsKnownLanguage(string language);

    /// <summary>The language used when neither the request nor the options name one.</summary>
    string? DefaultLanguage { get; }

    /// <exception cref="TranscriptionUnavailableException">The model cannot be loaded.</exception>
    ISpeechSession OpenSession();
}
