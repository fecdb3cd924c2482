namespace RealtyHub.LoadTests.Scenarios;

/// <summary>The CLI options every scenario reads.</summary>
public sealed record LoadSettings(
    double Rate,
    TimeSpan Duration,
    int Connections,
    int Brokerages,
    int Clients,
    int Seed,
    int Concurrency,
    string OutputFolder,
    int DensityConnections = 2000,
    int Calls = 2,
    int RealTimeFactorRuns = 4);

/// <summary>Validation of the options before anything starts.</summary>
public static class LoadSettingsValidation
{
    public static IReadOnlyList<string> Problems(this LoadSettings settings, int webs, int silos, IReadOnlyList<string> scenarios)
    {
        var problems = new List<string>();
        if (settings.Rate <= 0) problems.Add("--rate must be positive.");
        if (settings.Duration < TimeSpan.FromSeconds(2)) problems.Add("--duration must be at least 2 seconds.");
        if (settings.Brokerages is < 1 or > 999) problems.Add("--brokerages must be 1..999.");
        if (settings.Clients < 1) problems.Add("--clients must be positive.");
        if (settings.Concurrency < 1) problems.Add("--concurrency must be positive.");
        if (settings.Connections < 2 * settings.Brokerages && scenarios.Contains("fanout")) problems.Add("--connections must be at least 2 × --brokerages (a supervisor and an agent each).");
        if (settings.DensityConnections < 1) problems.Add("--max-connections must be positive.");
        if (settings.Calls is < 1 or > 200) problems.Add("--calls must be 1..200.");
        if (settings.RealTimeFactorRuns is < 2 or > 50) problems.Add("--rtf-runs must be 2..50 (the first run is a warm-up).");
        if (webs < 1) problems.Add("--webs must be at least 1.");
        if (silos < 1 && scenarios.Contains("failover")) problems.Add("The failover drill needs --silos ≥ 1 (3 by default).");
        return problems;
    }
}
