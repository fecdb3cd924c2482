using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Measures how fast a model transcribes on this machine: processing time / audio duration (0.1 = ten times faster
/// than real time). Used by the load-test CLI to size <see cref="VoiceOptions.MaxConcurrency"/>.
/// </summary>
public static class RealTimeFactorProbe
{
    /// <summary>
    /// Loads the model, runs one untimed warm-up pass over the first second (page faults, thread start), then times one
    /// transcription (native time, without queueing) of <paramref name="samples"/> (16 kHz mono).
    /// </summary>
    /// <exception cref="TranscriptionUnavailableException">The native library or the model is not usable.</exception>
    public static async Task<double> MeasureAsync(string modelPath, ReadOnlyMemory<float> samples, VoiceOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (samples.Length < SpeechAudio.SampleRate)
        {
            throw new ArgumentException("Give the probe at least one second of audio.", nameof(samples));
        }
        var settings = (options ?? new VoiceOptions()) with { ModelPath = modelPath, MaxConcurrency = 1 };
        using var transcriber = new WhisperTranscriber(settings);
        await transcriber.TranscribeAsync(samples[..SpeechAudio.SampleRate], TranscriptionOptions.Default, cancellationToken);

        var transcript = await transcriber.TranscribeAsync(samples, TranscriptionOptions.Default, cancellationToken);
        return transcript.ProcessingTime / transcript.AudioLength;
    }
}
