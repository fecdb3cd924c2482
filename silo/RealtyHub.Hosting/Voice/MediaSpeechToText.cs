using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Data;
using RealtyHub.Grains.Voice;
using RealtyHub.Voice.Audio;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Hosting.Voice;

/// <summary>The grains' speech port: stored audio → 16 kHz samples → the Whisper transcriber.</summary>
public sealed partial class MediaSpeechToText(IMediaStore media, ITranscriber transcriber, ILogger<MediaSpeechToText> logger) : ISpeechToText
{
    public string? Problem => transcriber.Health is { IsReady: false } health ? $"{health.Problem} {health.Fix}".Trim() : null;

    public async Task<MediaTranscript> TranscribeMediaAsync(string brokerageId, string mediaId, string? language, CancellationToken cancellationToken = default)
    {
        if (Problem is { } problem)
        {
            return new MediaTranscript(TranscriptStatus.Unavailable, Note: problem);
        }

        if (await media.FindAsync(brokerageId, mediaId, cancellationToken) is not { } stored)
        {
            return new MediaTranscript(TranscriptStatus.Failed, Note: "The recording is no longer stored.");
        }

        AudioClip clip;
        try
        {
            clip = SpeechAudio.Decode(stored.Content.Span, stored.ContentType);
        }
        catch (AudioFormatException ex)
        {
            return new MediaTranscript(TranscriptStatus.Failed, Note: ex.Message);
        }

        try
        {
            var transcript = await transcriber.TranscribeAsync(clip.Samples, new TranscriptionOptions(language), cancellationToken);
            LogTranscribed(logger, mediaId, transcript.AudioLength.TotalSeconds, transcript.ProcessingTime.TotalSeconds);
            return new MediaTranscript(TranscriptStatus.Done, transcript.Text, transcript.Language);
        }
        catch (TranscriberBusyException ex)
        {
            throw new SpeechEngineBusyException(ex.Message);
        }
        catch (TranscriptionUnavailableException ex)
        {
            return new MediaTranscript(TranscriptStatus.Unavailable, Note: ex.Message);
        }
        catch (ArgumentException ex)
        {
            // A language the engine does not know: retrying cannot help.
            return new MediaTranscript(TranscriptStatus.Failed, Note: ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice media {MediaId} transcribed: {AudioSeconds:F1} s of audio in {ProcessingSeconds:F1} s")]
    private static partial void LogTranscribed(ILogger logger, string mediaId, double audioSeconds, double processingSeconds);
}
