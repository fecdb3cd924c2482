namespace RealtyHub.Voice.Transcription;

/// <summary>A worker's whisper.cpp decoding state; the model's weights are shared with the other workers.</summary>
internal sealed class WhisperSession(WhisperSessionHandle handle, VoiceOptions options) : ISpeechSession
{
    // whisper.cpp reports times in 10 ms units (whisper_full_get_segment_t0/t1).
    private const long TicksPerWhisperUnit = TimeSpan.TicksPerMillisecond * 10;

    public unsafe RecognizedSpeech Recognize(ReadOnlyMemory<float> samples, string? language)
    {
        var session = handle.DangerousGetHandle();
        WhisperLog.BeginCapture();
        int result;
        using (var pinned = samples.Pin())
        {
            result = WhisperNative.SessionTranscribe(session, (float*)pinned.Pointer, samples.Length, language,
                options.ThreadsPerJob, options.MaxTokensPerSegment, options.TemperatureFallback ? 1 : 0, options.FitAudioContext ? 1 : 0);
        }
        switch (result)
        {
            case WhisperNative.Ok:
                break;
            case WhisperNative.Cancelled:
                throw new OperationCanceledException("The transcription was cancelled while whisper.cpp was running.");
            case WhisperNative.UnknownLanguage:
                throw new ArgumentException($"whisper.cpp does not know the language '{language}'.", nameof(language));
            default:
                throw new InvalidOperationException(
                    $"whisper.cpp failed to transcribe (code {result}): {WhisperLog.CapturedError ?? "no reason logged"}.");
        }

        var count = WhisperNative.SegmentCount(session);
        var segments = new List<TranscriptSegment>(count);
        for (var i = 0; i < count; i++)
        {
            segments.Add(new TranscriptSegment(
                TimeSpan.FromTicks(WhisperNative.SegmentStart(session, i) * TicksPerWhisperUnit),
                TimeSpan.FromTicks(WhisperNative.SegmentEnd(session, i) * TicksPerWhisperUnit),
                WhisperNative.ReadString(WhisperNative.SegmentText(session, i))));
        }
        var detected = WhisperNative.SessionLanguage(session);
        return new RecognizedSpeech(segments, detected == 0 ? language : WhisperNative.ReadString(detected));
    }

    public void Cancel() => WhisperNative.SessionCancel(handle.DangerousGetHandle());

    public void ResetCancel() => WhisperNative.SessionResetCancel(handle.DangerousGetHandle());

    public void Dispose() => handle.Dispose();
}
