using RealtyHub.LoadTests.Scenarios;

namespace RealtyHub.LoadTests.Reporting;

/// <summary>Everything one CLI run measured.</summary>
public sealed record LoadReport(DateTimeOffset StartedAt, string Command, MachineInfo Machine, LoadSettings Settings, string Topology, IReadOnlyList<ScenarioResult> Scenarios)
{
    public ScenarioResult? Find(string name) => Scenarios.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// The flat-out webhook rate over each ceiling measured in the same run. Only the closed-loop (max) phase is
    /// compared: the open-loop scenarios run at --rate, so their ratio would only restate the option.
    /// </summary>
    public IEnumerable<(string Scenario, string Ceiling, double Ratio)> Ratios()
    {
        var ceilings = Scenarios.Where(s => s.Name.StartsWith("ceiling-", StringComparison.Ordinal) && s.Throughput > 0).ToList();
        foreach (var scenario in Scenarios.Where(s => s.Name == "webhooks-max"))
        {
            foreach (var ceiling in ceilings)
            {
                yield return (scenario.Name, ceiling.Name, scenario.Throughput / ceiling.Throughput);
            }
        }
    }
}
