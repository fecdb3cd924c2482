using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>Missing, random and truncated model files: the transcriber reports why and how to fix it, and never crashes.</summary>
public sealed class WhisperModelHealthTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Missing_model_makes_voice_unavailable_with_the_download_fix()
    {
        EngineFixture.RequireNativeLibrary();
        var path = Path.Combine(fixture.Folder, "absent", "ggml-base.en.bin");
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(path));

        var health = transcriber.Health;

        Assert.False(health.IsReady);
        Assert.Equal($"No Whisper model at {path}", health.Problem);
        Assert.Equal("Run voice/models/download-model.sh base.en (needs internet) or set RealtyHub:Voice:ModelPath.", health.Fix);
        var error = await Assert.ThrowsAsync<TranscriptionUnavailableException>(
            () => transcriber.TranscribeAsync(fixture.Speech, TranscriptionOptions.Default));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_bytes_are_refused_as_not_a_whisper_model()
    {
        EngineFixture.RequireNativeLibrary();
        var path = Path.Combine(fixture.Folder, "random.bin");
        var bytes = new byte[200_000];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(path));

        Assert.False(transcriber.Health.IsReady);
        Assert.Contains("not a whisper.cpp model file", transcriber.Health.Problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TranscriptionUnavailableException>(
            () => transcriber.TranscribeAsync(fixture.Speech, TranscriptionOptions.Default));
    }

    [Theory]
    [InlineData(0.02)] // inside the vocabulary
    [InlineData(0.5)]  // inside the weights
    [InlineData(0.999)]
    public async Task Truncated_model_is_refused_with_the_reason(double keptFraction)
    {
        EngineFixture.RequireNativeLibrary();
        var whole = await File.ReadAllBytesAsync(fixture.MultilingualModel);
        var path = Path.Combine(fixture.Folder, $"truncated-{keptFraction}.bin");
        await File.WriteAllBytesAsync(path, whole[..(int)(whole.Length * keptFraction)]);
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(path));

        Assert.False(transcriber.Health.IsReady);
        Assert.Contains("truncated", transcriber.Health.Problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TranscriptionUnavailableException>(
            () => transcriber.TranscribeAsync(fixture.Speech, TranscriptionOptions.Default));
    }

    [Fact]
    public void Native_loader_returns_no_model_for_a_corrupt_file_instead_of_crashing()
    {
        EngineFixture.RequireNativeLibrary();
        var path = Path.Combine(fixture.Folder, "bad-magic.bin");
        var bytes = File.ReadAllBytes(fixture.MultilingualModel);
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        WhisperLog.BeginCapture();
        var model = WhisperNative.ModelOpen(path);

        Assert.Equal(0, model);
        Assert.Contains("bad magic", WhisperLog.CapturedError, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_session_stops_with_cancelled_when_cancel_was_requested()
    {
        EngineFixture.RequireNativeLibrary();
        using var engine = new WhisperEngine(EngineFixture.FastOptions(fixture.EnglishModel));
        using var session = engine.OpenSession();

        session.Cancel();
        Assert.Throws<OperationCanceledException>(() => session.Recognize(fixture.Speech, "en"));

        session.ResetCancel();
        Assert.NotNull(session.Recognize(fixture.Speech.AsMemory(0, SpokenAudio.SampleRate), "en"));
    }
}
