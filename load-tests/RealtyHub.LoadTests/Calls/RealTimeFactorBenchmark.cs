using RealtyHub.LoadTests.Environment;
using RealtyHub.Voice.Transcription;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// Times the transcriber per model shape on this machine with placeholder weights: the compute of a real model of that
/// shape, not its words. Each shape's file is written into a temp folder that is removed afterwards.
/// </summary>
public static class RealTimeFactorBenchmark
{
    public static IReadOnlyList<WhisperModelShape> Shapes { get; } = [WhisperModelShape.Tiny, WhisperModelShape.Base, WhisperModelShape.Small];

    /// <summary>
    /// The hubs' decode settings (untrained weights never emit an end token, so the cap, not the speech, bounds each
    /// segment's decoding; ThreadsPerJob stays at its default), with Whisper's full 30 s encoder window: the real-time
    /// factor comparable to published figures. The live phase fits the window to each utterance (the hub's default).
    /// </summary>
    public static VoiceOptions Options { get; } = new() { MaxTokensPerSegment = HubEnvironment.LiveMaxTokens, TemperatureFallback = false, FitAudioContext = false };

    public static async Task<IReadOnlyList<ShapeMeasurement>> RunAsync(
        float[] speech, int runs, Action<double> progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"realtyhub-rtf-{Guid.NewGuid():N}");
        var results = new List<ShapeMeasurement>();
        try
        {
            for (var s = 0; s < Shapes.Count; s++)
            {
                var shape = Shapes[s];
                var model = Path.Combine(folder, $"ggml-{shape.Name}-placeholder.bin");
                await Task.Run(() => PlaceholderWhisperModel.Write(model, shape), cancellationToken);
                var megabytes = new FileInfo(model).Length / 1e6;
                var factors = new List<double>();
                string? problem = null;
                for (var run = 0; run < runs && problem is null; run++)
                {
                    try
                    {
                        var factor = await RealTimeFactorProbe.MeasureAsync(model, speech, Options, cancellationToken);

                        // The first run pays for reading the file into the page cache and first-touch allocations.
                        if (run > 0)
                        {
                            factors.Add(factor);
                        }
                    }
                    catch (TranscriptionUnavailableException ex)
                    {
                        problem = ex.Message;
                    }

                    progress((s + ((run + 1) / (double)runs)) / Shapes.Count);
                }

                File.Delete(model);
                results.Add(new ShapeMeasurement(shape, megabytes, factors, problem));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return results;
    }
}
