namespace RealtyHub.Voice.Transcription;

/// <summary>One worker's decoding state. Not thread-safe except <see cref="Cancel"/>.</summary>
internal interface ISpeechSession : IDisposable
{
    /// <summary>Transcribes 16 kHz mono samples; segment times are relative to the start of the samples.</summary>
    /// <exception cref="OperationCanceledException"><see cref="Cancel"/> was called.</exception>
    RecognizedSpeech Recognize(ReadOnlyMemory<float> samples, string? language);

    /// <summary>Stops the current or next <see cref="Recognize"/>; callable from any thread.</summary>
    void Cancel();

    /// <summary>Clears an earlier <see cref="Cancel"/> before a new job starts.</summary>
    void ResetCancel();
}
