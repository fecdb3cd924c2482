using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Verification;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// One scenario's measured outcome, as the report shows it. <paramref name="ThroughputText"/> replaces
/// "throughput unit" in the table where a rate is not the figure (a real-time factor, lines received of expected).
/// </summary>
public sealed record ScenarioResult(
    string Name,
    string Measures,
    double DurationSeconds,
    long Operations,
    double Throughput,
    string ThroughputUnit,
    LatencySummary Latency,
    long Errors,
    DeliveryAudit? Audit,
    IReadOnlyList<ProcessUsage> Processes,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    string? ThroughputText = null);
