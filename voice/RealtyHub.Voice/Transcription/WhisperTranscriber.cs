// Our own whisper.cpp binding, where Whisper.net (absent from our NuGet mirror) would otherwise be used.
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealtyHub.Voice.Audio;

namespace RealtyHub.Voice.Transcription;

/// <summary>
/// Speech to text with whisper.cpp. Requests wait in a bounded queue (full: <see cref="TranscriberBusyException"/> at
/// once, so callers back off instead of piling up) and run on <see cref="VoiceOptions.MaxConcurrency"/> dedicated
/// threads, each with its own whisper state, because a whisper state cannot run two transcriptions at once and native
/// work would otherwise block thread-pool threads for seconds.
/// </summary>
public sealed class WhisperTranscriber : ITranscriber, IDisposable
{
    // Below 100 ms whisper.cpp refuses the input ("input is too short"); there is nothing to transcribe anyway.
    private const int MinimumSamples = 1600;

    private readonly ISpeechEngine engine;
    private readonly VoiceOptions options;
    private readonly ILogger logger;
    private readonly Channel<TranscriptionJob> queue;
    private readonly TranscriptionWorker[] workers;
    private int disposed;

    public WhisperTranscriber(IOptions<VoiceOptions> options, ILogger<WhisperTranscriber> logger)
        : this(options.Value, logger)
    {
    }

    public WhisperTranscriber(VoiceOptions options, ILogger? logger = null)
        : this(new WhisperEngine(Validated(options)), options, logger)
    {
        WhisperLog.UseLogger(this.logger);
    }

    internal WhisperTranscriber(ISpeechEngine engine, VoiceOptions options, ILogger? logger = null)
    {
        this.engine = engine;
        this.options = Validated(options);
        this.logger = logger ?? NullLogger.Instance;
        queue = Channel.CreateBounded<TranscriptionJob>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once: that is the back-pressure signal.
            SingleWriter = false,
            SingleReader = options.MaxConcurrency == 1,
        });
        workers = [.. Enumerable.Range(1, options.MaxConcurrency).Select(n => new TranscriptionWorker(n, queue.Reader, engine, this.logger))];
    }

    public TranscriberHealth Health => engine.Health;

    public Task<Transcript> TranscribeAsync(ReadOnlyMemory<float> samples, TranscriptionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var health = engine.Health;
        if (!health.IsReady)
        {
            throw new TranscriptionUnavailableException($"{health.Problem} {health.Fix}");
        }
        var language = options.Language ?? engine.DefaultLanguage;
        if (language is not null && !engine.IsKnownLanguage(language))
        {
            throw new ArgumentException($"'{language}' is not a language Whisper knows; use an ISO 639-1 code such as \"en\" or \"ar\", or null to detect it.", nameof(options));
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<Transcript>(cancellationToken);
        }
        if (samples.Length < MinimumSamples)
        {
            return Task.FromResult(new Transcript([], language, AudioLength(samples.Length), TimeSpan.Zero));
        }

        var job = new TranscriptionJob(samples, language, cancellationToken);
        if (!queue.Writer.TryWrite(job))
        {
            throw new TranscriberBusyException(
                $"All {this.options.MaxConcurrency} transcription worker(s) are busy and {this.options.QueueCapacity} request(s) are waiting; try again shortly.");
        }
        job.WatchCancellation();
        return job.Completion;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var waiting))
        {
            waiting.Fail(new ObjectDisposedException(nameof(WhisperTranscriber), "The transcriber was shut down before this request ran."));
        }
        foreach (var worker in workers)
        {
            worker.Stop();
        }
        engine.Dispose();
    }

    private static VoiceOptions Validated(VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(' ', problems), nameof(options));
        }
        return options;
    }

    internal static TimeSpan AudioLength(int samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SpeechAudio.SampleRate);

    /// <summary>Whisper pads every window to 30 s, so a segment may claim time past the end of the audio: clamp it.</summary>
    internal static Transcript Complete(RecognizedSpeech speech, int sampleCount, TimeSpan processingTime)
    {
        var length = AudioLength(sampleCount);
        var segments = speech.Segments
            .Select(s =>
            {
                var start = TimeSpan.FromTicks(Math.Clamp(s.Start.Ticks, 0, length.Ticks));
                var end = TimeSpan.FromTicks(Math.Clamp(s.End.Ticks, start.Ticks, length.Ticks));
                return s with { Start = start, End = end };
            })
            .ToList();
        return new Transcript(segments, speech.Language, length, processingTime);
    }
}
