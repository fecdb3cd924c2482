using System.Diagnostics;
using RealtyHub.Voice.Transcription;
using Xunit.Abstractions;

namespace RealtyHub.Voice.Tests.Transcription;

public sealed class RealTimeFactorProbeTests(EngineFixture fixture, ITestOutputHelper output) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Probe_reports_processing_time_per_second_of_audio()
    {
        EngineFixture.RequireNativeLibrary();

        var factor = await RealTimeFactorProbe.MeasureAsync(fixture.EnglishModel, fixture.Speech, EngineFixture.FastOptions(fixture.EnglishModel));

        Assert.InRange(factor, double.Epsilon, 100);
    }

    [Fact]
    public async Task Probe_refuses_less_than_a_second_of_audio()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => RealTimeFactorProbe.MeasureAsync(fixture.EnglishModel, new float[8_000]));

        Assert.Contains("at least one second", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The figures for docs/voice-engine.md: placeholder weights, so decoding length is not representative.</summary>
    [MeasurementTheory]
    [InlineData("tiny.en")]
    [InlineData("base.en")]
    [InlineData("small.en")]
    public async Task Measure_real_time_factor_on_ten_seconds_of_speech(string shapeName)
    {
        EngineFixture.RequireNativeLibrary();
        var model = Path.Combine(fixture.Folder, $"ggml-{shapeName}.bin");
        var written = Stopwatch.StartNew();
        PlaceholderWhisperModel.Write(model, WhisperModelShape.Parse(shapeName));
        output.WriteLine($"{shapeName}: model file {new FileInfo(model).Length / 1e6:F0} MB written in {written.Elapsed.TotalSeconds:F1} s");
        var speech = SpokenAudio.Speak(SpokenAudio.TenSeconds);
        var threads = Math.Max(1, Environment.ProcessorCount / 2);

        foreach (var (label, options) in new[]
        {
            ("capped decode (32 tokens/segment, no fallback)", new VoiceOptions { MaxTokensPerSegment = 32, TemperatureFallback = false, ThreadsPerJob = threads }),
            ("whisper defaults", new VoiceOptions { ThreadsPerJob = threads }),
        })
        {
            var factor = await RealTimeFactorProbe.MeasureAsync(model, speech, options);
            output.WriteLine($"{shapeName}: RTF {factor:F3} on {speech.Length / 16_000.0:F1} s, {threads} thread(s), {label}");
            Assert.True(factor > 0);
        }
        File.Delete(model);
    }
}
