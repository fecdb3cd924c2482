namespace RealtyHub.LoadTests.Metrics;

/// <summary>Latency percentiles in milliseconds over <see cref="Count"/> samples.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0);
}
