using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Verification;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>One scenario's measured outcome, as the report shows it.</summary>
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
    IReadOnlyList<KeyValuePair<string, string>> Details);
