using System.Threading.Channels;
using RealtyHub.Grains.Voice;
using RealtyHub.Voice.Audio;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.Web.Voice;

/// <summary>
/// One call's live audio path on the node holding its media stream: 8 kHz mu-law → 16 kHz → voice activity detection
/// → utterances transcribed one at a time, in order. Partial lines show words while they are spoken; a partial is
/// skipped when newer work is waiting, a final line never is.
/// </summary>
internal sealed partial class LiveCallTranscriber : IAsyncDisposable
{
    private const int TelephoneRate = 8000;
    private const int SpeechRate = 16000;
    private const int MediaStreamChunk = 160;
    private const int BusyRetries = 40;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(500);

    private readonly IVoiceSessionGrain _session;
    private readonly ITranscriber _transcriber;
    private readonly ILogger _logger;
    private readonly StreamingResampler _resampler = new(TelephoneRate, SpeechRate);
    // Live lines should not wait for a long monologue to end: a long utterance is cut and shown in parts.
    private readonly VoiceActivityDetector _detector = new(new VadOptions { MaxUtterance = TimeSpan.FromSeconds(15) });
    // Not single-reader: that channel cannot count what is waiting, which tells a partial it is stale.
    private readonly Channel<Utterance> _work = Channel.CreateUnbounded<Utterance>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private float[] _decoded = new float[MediaStreamChunk];
    private int _sequence;

    public LiveCallTranscriber(IVoiceSessionGrain session, ITranscriber transcriber, ILogger logger)
    {
        _session = session;
        _transcriber = transcriber;
        _logger = logger;
        _loop = Task.Run(TranscribeLoopAsync);
    }

    /// <summary>Feeds one media frame (G.711 mu-law at 8 kHz) from the stream.</summary>
    public void AddMuLaw(ReadOnlySpan<byte> payload)
    {
        if (_decoded.Length < payload.Length)
        {
            _decoded = new float[payload.Length];
        }

        var samples = _decoded.AsSpan(0, payload.Length);
        MuLaw.Decode(payload, samples);
        Handle(_detector.Process(_resampler.Process(samples)));
    }

    /// <summary>The stream stopped: the utterance in progress is finished and every line is transcribed.</summary>
    public async Task CompleteAsync()
    {
        Handle(_detector.Process(_resampler.Flush()));
        Handle(_detector.Flush());
        _work.Writer.TryComplete();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-transcription is what dispose asks for.
        }

        _stopping.Dispose();
    }

    private void Handle(IReadOnlyList<VadEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case SpeechStarted:
                    _sequence++;
                    break;
                case SpeechContinuing continuing:
                    _work.Writer.TryWrite(new Utterance(_sequence, continuing.SoFar, continuing.Start, continuing.Start + continuing.SoFar.Duration, IsFinal: false));
                    break;
                case UtteranceEnded ended:
                    _work.Writer.TryWrite(new Utterance(_sequence, ended.Audio, ended.Start, ended.End, IsFinal: true));
                    break;
            }
        }
    }

    private async Task TranscribeLoopAsync()
    {
        await foreach (var utterance in _work.Reader.ReadAllAsync(_stopping.Token))
        {
            // A partial is only worth the compute while it is the newest thing to show.
            if (!utterance.IsFinal && _work.Reader.Count > 0)
            {
                continue;
            }

            // A final line is kept even when the engine heard no words: the agent sees that the caller spoke, and when.
            if (await TranscribeAsync(utterance) is not { } text || (text.Length == 0 && !utterance.IsFinal))
            {
                continue;
            }

            var line = new TranscriptLine(utterance.Sequence, utterance.Start, utterance.End, text, utterance.IsFinal);
            try
            {
                await (utterance.IsFinal ? _session.AddLineAsync(line) : _session.PartialAsync(line));
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                LogLineLost(_logger, ex, utterance.Sequence);
            }
        }
    }

    private async Task<string?> TranscribeAsync(Utterance utterance)
    {
        // Without an engine the call is still answered and timed; its view already says transcripts are unavailable.
        if (!_transcriber.Health.IsReady)
        {
            return null;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var transcript = await _transcriber.TranscribeAsync(utterance.Audio.Samples, TranscriptionOptions.Default, _stopping.Token);
                return transcript.Text.Trim();
            }
            catch (TranscriberBusyException) when (utterance.IsFinal && attempt < BusyRetries)
            {
                await Task.Delay(BusyPause, _stopping.Token);
            }
            catch (Exception ex) when (ex is TranscriberBusyException or TranscriptionUnavailableException)
            {
                LogSkipped(_logger, utterance.Sequence, ex.Message);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // One utterance the engine failed on must not end the call's transcript.
                LogFailed(_logger, ex, utterance.Sequence);
                return null;
            }
        }
    }

    private sealed record Utterance(int Sequence, AudioClip Audio, TimeSpan Start, TimeSpan End, bool IsFinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript line {Sequence} could not be delivered to its call")]
    private static partial void LogLineLost(ILogger logger, Exception exception, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Utterance {Sequence} could not be transcribed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Utterance {Sequence} not transcribed: {Reason}")]
    private static partial void LogSkipped(ILogger logger, int sequence, string reason);
}
