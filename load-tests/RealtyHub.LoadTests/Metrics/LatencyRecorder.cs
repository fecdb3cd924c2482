using HdrHistogram;

namespace RealtyHub.LoadTests.Metrics;

/// <summary>A thread-safe latency histogram (microsecond resolution, up to 10 minutes) and its summary.</summary>
public sealed class LatencyRecorder
{
    private readonly LongHistogram _histogram = new(TimeSpan.FromMinutes(10).Ticks / 10, 3);
    private readonly Lock _gate = new();

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / 10, 1, _histogram.HighestTrackableValue);
        lock (_gate)
        {
            _histogram.RecordValue(micros);
        }
    }

    public LatencySummary Summarize()
    {
        lock (_gate)
        {
            if (_histogram.TotalCount == 0)
            {
                return LatencySummary.Empty;
            }

            double Ms(double percentile) => _histogram.GetValueAtPercentile(percentile) / 1000.0;
            return new LatencySummary(_histogram.TotalCount, Ms(50), Ms(90), Ms(99), _histogram.GetMaxValue() / 1000.0);
        }
    }
}
