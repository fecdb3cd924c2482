using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Scenarios;

namespace RealtyHub.LoadTests;

/// <summary>A started throwaway deployment with its load-test brokerages provisioned; disposing stops everything.</summary>
public sealed class LoadSession : IAsyncDisposable
{
    private LoadSession(HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, HubTopology topology)
    {
        Environment = environment;
        Brokerages = brokerages;
        Topology = topology;
    }

    public HubEnvironment Environment { get; }

    public IReadOnlyList<BrokerageSetup> Brokerages { get; }

    public HubTopology Topology { get; }

    public string Describe() =>
        $"{Topology.WebNodes} web process(es) (console + API + co-hosted silo) + {Topology.HeadlessSilos} headless silo process(es), one private PostgreSQL";

    public static async Task<LoadSession> StartAsync(HubTopology topology, LoadSettings settings, Action<string> status, CancellationToken cancellationToken)
    {
        var environment = await HubEnvironment.StartAsync(topology, status, cancellationToken);
        try
        {
            status($"provisioning {settings.Brokerages} brokerage(s)");

            // Enough agents for the fan-out's connections (one supervisor per brokerage), two experts each.
            var agentsEach = Math.Max(1, (int)Math.Ceiling(settings.Connections / (double)settings.Brokerages) - 1);
            var brokerages = await Provisioner.ProvisionAsync(environment.Webs[0].BaseAddress, settings.Brokerages, agentsEach, 1, 2, cancellationToken);
            return new LoadSession(environment, brokerages, topology);
        }
        catch
        {
            environment.KeepLogs();
            await environment.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Environment.DisposeAsync();
}
