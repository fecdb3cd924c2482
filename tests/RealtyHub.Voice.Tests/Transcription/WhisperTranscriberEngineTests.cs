using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>whisper.cpp for real (native library + generated placeholder model) on espeak-ng speech.</summary>
public sealed class WhisperTranscriberEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Placeholder_model_transcribes_real_speech_into_ordered_segments_within_the_audio()
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.MultilingualModel));

        var transcript = await transcriber.TranscribeAsync(fixture.Speech, new TranscriptionOptions("en"));

        var audioLength = TimeSpan.FromSeconds(fixture.Speech.Length / (double)SpokenAudio.SampleRate);
        Assert.Equal(audioLength.TotalMilliseconds, transcript.AudioLength.TotalMilliseconds, 1.0);
        Assert.True(transcript.ProcessingTime > TimeSpan.Zero);
        Assert.NotEmpty(transcript.Segments);
        var previousEnd = TimeSpan.Zero;
        foreach (var segment in transcript.Segments)
        {
            Assert.InRange(segment.Start, previousEnd, segment.End);
            Assert.InRange(segment.End, segment.Start, transcript.AudioLength);
            previousEnd = segment.Start;
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Requested_language_is_accepted_and_reported(string language)
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.MultilingualModel));

        var transcript = await transcriber.TranscribeAsync(fixture.Speech, new TranscriptionOptions(language));

        Assert.Equal(language, transcript.Language);
    }

    [Fact]
    public async Task Multilingual_model_detects_a_language_when_none_is_given()
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.MultilingualModel));

        var transcript = await transcriber.TranscribeAsync(fixture.Speech, TranscriptionOptions.Default);

        Assert.NotNull(transcript.Language);
        Assert.True(WhisperNative.LanguageId(transcript.Language) >= 0, $"'{transcript.Language}' is not a Whisper language");
    }

    [Fact]
    public async Task English_only_model_transcribes_english_when_no_language_is_given()
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.EnglishModel));

        var transcript = await transcriber.TranscribeAsync(fixture.Speech, TranscriptionOptions.Default);

        Assert.Equal("en", transcript.Language);
        Assert.True(transcriber.Health.IsReady);
        Assert.Contains("ggml-test.en.bin", transcriber.Health.Model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_language_code_is_refused_with_a_clear_message()
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.MultilingualModel));

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => transcriber.TranscribeAsync(fixture.Speech, new TranscriptionOptions("klingon")));

        Assert.Contains("'klingon' is not a language Whisper knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_callers_all_get_transcripts_from_two_workers()
    {
        EngineFixture.RequireNativeLibrary();
        var options = EngineFixture.FastOptions(fixture.EnglishModel) with { MaxConcurrency = 2 };
        using var transcriber = new WhisperTranscriber(options);
        var clip = fixture.Speech.AsMemory(0, SpokenAudio.SampleRate);

        var transcripts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => transcriber.TranscribeAsync(clip, TranscriptionOptions.Default)));

        Assert.All(transcripts, t => Assert.Equal(TimeSpan.FromSeconds(1), t.AudioLength));
    }

    [Fact]
    public async Task Audio_shorter_than_100_ms_gives_an_empty_transcript()
    {
        EngineFixture.RequireNativeLibrary();
        using var transcriber = new WhisperTranscriber(EngineFixture.FastOptions(fixture.MultilingualModel));

        var transcript = await transcriber.TranscribeAsync(new float[800], new TranscriptionOptions("en"));

        Assert.Empty(transcript.Segments);
        Assert.Equal(TimeSpan.FromMilliseconds(50), transcript.AudioLength);
    }
}
