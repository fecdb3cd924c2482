using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RealtyHub.Grains.Voice;

namespace RealtyHub.Grains.Conversations;

/// <summary>
/// Voice notes get machine transcripts after the message is stored and routed: the client's message never waits for
/// the speech engine. Pending notes are part of the grain's state, so a restart carries on where it stopped.
/// </summary>
public sealed partial class ConversationGrain
{
    /// <summary>How long to wait before asking a busy speech engine again.</summary>
    public static readonly TimeSpan TranscriptRetryPause = TimeSpan.FromSeconds(5);

    private IGrainTimer? _transcriber;
    private bool _transcribing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.PendingTranscripts.IsEmpty)
        {
            ScheduleTranscripts(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task AttachTranscriptAsync(string messageId, string mediaId, MediaTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        await media.SaveTranscriptAsync(BrokerageId, mediaId, transcript);
        var index = S.Recent.FindIndex(m => m.MessageId == messageId);
        var updated = index < 0 ? null : S.Recent[index] with
        {
            Media = [.. S.Recent[index].Media.Select(a => a.MediaId == mediaId ? a with { Transcript = transcript } : a)],
        };
        state.State = S with
        {
            PendingTranscripts = S.PendingTranscripts.RemoveAll(p => p.MediaId == mediaId),
            Recent = updated is null ? S.Recent : S.Recent.SetItem(index, updated),
        };
        await state.WriteStateAsync();
        if (updated is not null)
        {
            await PublishAsync(updated);
        }
    }

    /// <summary>Marks the message's voice notes as waiting for a transcript and remembers them.</summary>
    private ChatMessage WithPendingTranscripts(ChatMessage message)
    {
        if (message.Media.IsDefaultOrEmpty || !message.Media.Any(a => a.NeedsTranscript))
        {
            return message;
        }

        var pending = message.Media.Where(a => a.NeedsTranscript).Select(a => new PendingTranscript(message.MessageId, a.MediaId!));
        state.State = S with { PendingTranscripts = S.PendingTranscripts.AddRange(pending) };
        return message with { Media = [.. message.Media.Select(a => a.NeedsTranscript ? a with { Transcript = MediaTranscript.Pending } : a)] };
    }

    /// <summary>
    /// Interleaved: transcription takes seconds and must not hold up replies in this conversation; the result comes
    /// back through a call to this grain, which changes the state in a turn of its own. While a pass runs it also
    /// takes the notes that arrive meanwhile, so a new note never starts a second pass over the same ones.
    /// </summary>
    private void ScheduleTranscripts(TimeSpan after)
    {
        if (_transcribing)
        {
            return;
        }

        _transcriber?.Dispose();
        _transcriber = this.RegisterGrainTimer(
            TranscribePendingAsync, new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task TranscribePendingAsync(CancellationToken cancellationToken)
    {
        var self = this.AsReference<IConversationGrain>();
        _transcribing = true;
        try
        {
            // Attaching a transcript removes the note from the pending list, so this reads the next one each time.
            while (S.PendingTranscripts.FirstOrDefault() is { } pending)
            {
                MediaTranscript transcript;
                try
                {
                    transcript = await speech.TranscribeMediaAsync(BrokerageId, pending.MediaId, S.Language, cancellationToken);
                }
                catch (SpeechEngineBusyException)
                {
                    _transcribing = false;
                    ScheduleTranscripts(TranscriptRetryPause);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogTranscriptFailed(logger, ex, pending.MediaId, BrokerageId);
                    transcript = new MediaTranscript(TranscriptStatus.Failed, Note: "The voice note could not be transcribed.");
                }

                await self.AttachTranscriptAsync(pending.MessageId, pending.MediaId, transcript);
            }
        }
        finally
        {
            _transcribing = false;
        }
    }

    [GenerateSerializer, Immutable, Alias("realtyhub.pending-transcript")]
    public sealed record PendingTranscript([property: Id(0)] string MessageId, [property: Id(1)] string MediaId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice note {MediaId} of {BrokerageId} could not be transcribed")]
    private static partial void LogTranscriptFailed(ILogger logger, Exception exception, string mediaId, string brokerageId);
}
