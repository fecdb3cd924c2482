using RealtyHub.Grains.Conversations;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Requests;

/// <summary>A spoken request: the recording becomes the request's text, or the agent is asked to type it.</summary>
public sealed partial class AiRequestGrain
{
    /// <summary>How long to wait before asking a busy speech engine again (the step repeats).</summary>
    private static readonly TimeSpan SpeechBusyPause = TimeSpan.FromSeconds(2);

    private const int HeardPreview = 160;

    private async Task TranscribeAsync(CancellationToken cancellationToken)
    {
        MediaTranscript transcript;
        try
        {
            transcript = await speech.TranscribeMediaAsync(BrokerageId, S.VoiceMediaId!, null, cancellationToken);
        }
        catch (SpeechEngineBusyException)
        {
            await Task.Delay(SpeechBusyPause, cancellationToken);
            return;
        }

        if (transcript is { Status: TranscriptStatus.Done, Text: { } text } && !string.IsNullOrWhiteSpace(text))
        {
            state.State = S with { Text = text.Trim() };
            var heard = S.Text.Length <= HeardPreview ? S.Text : string.Concat(S.Text.AsSpan(0, HeardPreview - 3), "...");
            await EnterAsync(RequestState.Understanding, Ai, $"Heard (machine transcript): \"{heard}\"");
            return;
        }

        // Without words the request cannot go on; the agent types it and it carries on as a text request.
        var why = transcript.Status switch
        {
            TranscriptStatus.Unavailable => $"Transcripts are unavailable on this hub ({transcript.Note})",
            TranscriptStatus.Failed => $"The recording could not be transcribed ({transcript.Note})",
            _ => "No words were heard in the recording",
        };
        var question = $"{why}. Please type your request.";
        state.State = S with { Question = question, ResumeAt = RequestState.Understanding };
        await EnterAsync(RequestState.NeedsInfo, Ai, question);
    }
}
