using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Scenarios;

namespace RealtyHub.LoadTests.Tests;

/// <summary>
/// The failover drill in its short CI form: the real shape (2 web + 3 headless silo processes on one PostgreSQL),
/// small numbers (~20 s at 50 webhooks/s), and the same assertions as the full drill: nothing acknowledged is lost,
/// nothing is stored twice.
/// </summary>
public sealed class FailoverDrillTests
{
    [Fact]
    public async Task Killing_a_silo_mid_run_loses_and_duplicates_no_acknowledged_webhook()
    {
        var settings = new LoadSettings(Rate: 50, Duration: TimeSpan.FromSeconds(20), Connections: 4, Brokerages: 3, Clients: 200,
            Seed: 7, Concurrency: 16, OutputFolder: Path.GetTempPath());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var session = await LoadSession.StartAsync(HubTopology.ScaleOut, settings, _ => { }, timeout.Token);

        var result = await FailoverScenario.RunAsync(session.Environment, session.Brokerages, settings, _ => { }, timeout.Token);

        Assert.True(session.Environment.Silos[0].HasExited, "the drill should have killed a silo");
        var audit = Assert.IsType<RealtyHub.LoadTests.Verification.DeliveryAudit>(result.Audit);
        Assert.True(audit.Acknowledged >= 900, $"expected ~1000 acknowledged webhooks, got {audit.Acknowledged}");
        Assert.Equal(0, audit.Lost);
        Assert.Equal(0, audit.Duplicated);
        Assert.Equal(audit.Acknowledged, audit.InMessages);
    }
}
