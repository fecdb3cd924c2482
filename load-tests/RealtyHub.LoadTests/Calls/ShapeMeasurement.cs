using RealtyHub.Voice.Transcription;

namespace RealtyHub.LoadTests.Calls;

/// <summary>
/// Real-time factors (processing time / audio duration) of one model shape over the timed runs; the warm-up run is
/// not among them. <paramref name="Problem"/> says why nothing was measured (no native library, say).
/// </summary>
public sealed record ShapeMeasurement(WhisperModelShape Shape, double FileMegabytes, IReadOnlyList<double> RealTimeFactors, string? Problem = null);
