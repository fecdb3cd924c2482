using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>The queue in front of the engine: back-pressure, cancellation, concurrency, shutdown (no native code).</summary>
public sealed class TranscriptionQueueTests : IDisposable
{
    private static readonly float[] OneSecond = new float[16_000];
    private readonly FakeSpeechEngine engine = new();

    [Fact]
    public async Task Full_queue_refuses_the_next_request_at_once_with_busy()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 2);
        engine.Gate.Reset();
        var running = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);
        await engine.WaitUntilStartedAsync();
        var waiting = new[]
        {
            transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default),
            transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default),
        };

        var refused = ThrowsAtOnce<TranscriberBusyException>(() => transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default));

        Assert.Contains("2 request(s) are waiting", refused.Message, StringComparison.Ordinal);
        engine.Gate.Set();
        await Task.WhenAll([running, .. waiting]);
        Assert.Equal(3, engine.Recognized);
    }

    [Fact]
    public async Task Queue_accepts_again_once_the_worker_has_taken_a_request()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 1);
        engine.Gate.Reset();
        using var cancelFirst = new CancellationTokenSource();
        var first = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default, cancelFirst.Token);
        await engine.WaitUntilStartedAsync();
        var second = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);
        ThrowsAtOnce<TranscriberBusyException>(() => transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default));

        // Freeing the worker (the gate stays shut) lets it take the second request: the queue has room while it runs.
        await cancelFirst.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await engine.WaitUntilStartedAsync();
        var third = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);

        engine.Gate.Set();
        await second;
        Assert.NotNull(await third);
    }

    [Fact]
    public async Task Cancelling_a_queued_request_removes_it_before_it_runs()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 4);
        engine.Gate.Reset();
        var running = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);
        await engine.WaitUntilStartedAsync();
        using var cancel = new CancellationTokenSource();
        var queued = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        engine.Gate.Set();
        await running;
        Assert.Equal(1, engine.Recognized);
    }

    [Fact]
    public async Task Cancelling_a_running_request_stops_the_engine_and_frees_the_worker()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 4);
        engine.Gate.Reset();
        using var cancel = new CancellationTokenSource();
        var running = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default, cancel.Token);
        await engine.WaitUntilStartedAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        engine.Gate.Set();
        Assert.NotNull(await transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default));
    }

    [Fact]
    public async Task An_already_cancelled_token_never_reaches_the_queue()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 1);

        var task = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default, new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(0, engine.Recognized);
    }

    [Fact]
    public async Task Concurrent_callers_all_complete_and_never_exceed_the_worker_count()
    {
        using var transcriber = Create(maxConcurrency: 3, queueCapacity: 64);

        var transcripts = await Task.WhenAll(Enumerable.Range(1, 40)
            .Select(i => Task.Run(() => transcriber.TranscribeAsync(new float[16_000 + i], TranscriptionOptions.Default))));

        Assert.Equal(40, engine.Recognized);
        Assert.InRange(engine.MaxRunning, 1, 3);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"heard {16_000 + i}"), transcripts.Select(t => t.Text));
    }

    [Fact]
    public async Task Transcribe_returns_before_the_engine_finishes()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 1);
        engine.Gate.Reset();

        var pending = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);
        await engine.WaitUntilStartedAsync();

        Assert.False(pending.IsCompleted);
        engine.Gate.Set();
        await pending;
    }

    [Fact]
    public async Task Segment_times_past_the_end_of_the_audio_are_clamped_to_it()
    {
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 1);

        var transcript = await transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);

        Assert.Equal(TimeSpan.FromSeconds(1), transcript.AudioLength);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(transcript.Segments).End);
        Assert.True(transcript.ProcessingTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Unavailable_engine_is_reported_with_its_fix_and_nothing_is_queued()
    {
        engine.Health = TranscriberHealth.Unavailable("fake", "No model.", "Download one.");
        using var transcriber = Create(maxConcurrency: 1, queueCapacity: 1);

        var error = await Assert.ThrowsAsync<TranscriptionUnavailableException>(
            () => transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default));

        Assert.Equal("No model. Download one.", error.Message);
        Assert.Equal(0, engine.Recognized);
    }

    [Fact]
    public async Task Disposing_fails_queued_requests_instead_of_leaving_them_pending()
    {
        var transcriber = Create(maxConcurrency: 1, queueCapacity: 4);
        engine.Gate.Reset();
        var running = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);
        await engine.WaitUntilStartedAsync();
        var queued = transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default);

        transcriber.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        ThrowsAtOnce<ObjectDisposedException>(() => transcriber.TranscribeAsync(OneSecond, TranscriptionOptions.Default));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 0)]
    public void Invalid_settings_are_refused_with_the_setting_named(int maxConcurrency, int queueCapacity)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(maxConcurrency, queueCapacity));

        Assert.Contains(maxConcurrency == 0 ? "MaxConcurrency" : "QueueCapacity", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => engine.Dispose();

    /// <summary>Back-pressure is a synchronous throw, before any task exists: the caller learns it at once.</summary>
    private static T ThrowsAtOnce<T>(Func<Task> call)
        where T : Exception => Assert.Throws<T>(() => { _ = call(); });

    private WhisperTranscriber Create(int maxConcurrency, int queueCapacity) =>
        new(engine, new VoiceOptions { MaxConcurrency = maxConcurrency, QueueCapacity = queueCapacity });
}
