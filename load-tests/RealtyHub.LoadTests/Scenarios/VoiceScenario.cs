using System.Globalization;
using RealtyHub.LoadTests.Calls;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 5: speech to text. First the real-time factor of each Whisper model shape on this machine (in this process,
/// with the hubs idle), then live calls against the hub, whose nodes run a placeholder tiny model.
/// </summary>
public static class VoiceScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var audio = DemoCallAudio.Load();
        var results = new List<ScenarioResult>();
        var shapes = await RealTimeFactorBenchmark.RunAsync(audio.Speech, settings.RealTimeFactorRuns, p => progress(p * 0.5), cancellationToken);
        results.AddRange(shapes.Select(s => ToResult(s, audio, settings.RealTimeFactorRuns)));
        results.Add(await LiveCallBenchmark.RunAsync(environment, brokerages, settings, audio, p => progress(0.5 + (p * 0.5)), cancellationToken));
        return results;
    }

    private static ScenarioResult ToResult(ShapeMeasurement measurement, DemoCallAudio audio, int runs)
    {
        var processing = new LatencyRecorder();
        foreach (var factor in measurement.RealTimeFactors)
        {
            processing.Record(audio.Duration * factor);
        }

        var sorted = measurement.RealTimeFactors.Order().ToList();
        var median = sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        var max = sorted.Count == 0 ? 0 : sorted[^1];
        var options = RealTimeFactorBenchmark.Options;
        var c = CultureInfo.InvariantCulture;
        var details = new List<KeyValuePair<string, string>>
        {
            new("weights", string.Create(c, $"placeholder (PlaceholderWhisperModel, seeded noise; {measurement.FileMegabytes:0} MB file): real compute of the {measurement.Shape.Name} shape, meaningless words")),
            new("audio", string.Create(c, $"{DemoCallAudio.RelativePath}, {audio.Duration.TotalSeconds:0.0} s at 8 kHz resampled to 16 kHz; the real-time factor uses whisper's full 30 s encoder window")),
            new("settings", string.Create(c, $"ThreadsPerJob {options.ThreadsPerJob} (default: cores/2), MaxTokensPerSegment {options.MaxTokensPerSegment} (untrained weights decode up to the token limit), TemperatureFallback off, full 30 s encoder window (FitAudioContext off; the live phase uses the hub's default, on), MaxConcurrency 1")),
            new("runs", string.Create(c, $"{measurement.RealTimeFactors.Count} timed of {runs} (the first is a warm-up, excluded; RealTimeFactorProbe also transcribes 1 s untimed before each)")),
            new("RTF p50 / max (processing time / audio duration)", string.Create(c, $"{median:0.00} / {max:0.00}")),
            new("RTF per run", string.Join(", ", measurement.RealTimeFactors.Select(f => f.ToString("0.00", c)))),
        };
        if (measurement.Problem is { } problem)
        {
            details.Add(new("not measured", problem));
        }

        return new ScenarioResult($"voice-rtf-{measurement.Shape.Name}",
            "Whisper real-time factor of this model shape on this machine (in the load-test process); latency columns = processing time of the whole recording",
            measurement.RealTimeFactors.Sum() * audio.Duration.TotalSeconds, measurement.RealTimeFactors.Count, median, "x real time", processing.Summarize(),
            measurement.Problem is null ? 0 : 1, null, [], details,
            sorted.Count == 0 ? "not measured" : string.Create(c, $"RTF {median:0.00} (x real time), max {max:0.00}; placeholder weights"));
    }
}
