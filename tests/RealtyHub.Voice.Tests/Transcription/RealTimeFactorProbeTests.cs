using RealtyHub.Voice.Transcription;

namespace RealtyHub.Voice.Tests.Transcription;

/// <summary>The probe itself; the figures per model shape come from the load tests (`voice`), not from unit tests.</summary>
public sealed class RealTimeFactorProbeTests(EngineFixture fixture) : IClassFixture<EngineFixture>
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
}
