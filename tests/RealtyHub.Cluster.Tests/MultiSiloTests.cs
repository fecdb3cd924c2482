using Dapper;
using Npgsql;
using RealtyHub.Grains.Agents;
using RealtyHub.Grains.Brokerages;

namespace RealtyHub.Cluster.Tests;

/// <summary>Two silos clustered through the PostgreSQL membership table.</summary>
public sealed class MultiSiloTests
{
    [Fact]
    public async Task Two_silos_register_in_postgres_and_serve_grain_calls_from_either_silo()
    {
        var database = await TestPostgres.CreateMigratedDatabaseAsync("twosilos");
        await using var cluster = await HubTestCluster.StartAsync(database, "two-silos", silos: 2);
        await cluster.WaitForLivenessToStabilizeAsync();

        await using (var connection = new NpgsqlConnection(database))
        {
            var active = await connection.ExecuteScalarAsync<int>(
                "select count(*)::int from orleans_membership where deployment_id = 'two-silos' and status = 3");
            Assert.Equal(2, active);
        }

        // Every silo's own grain factory reaches grains wherever they are placed; spread enough agents that both
        // silos host some.
        var silos = cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        Assert.Equal(2, silos.Count);
        for (var i = 0; i < 20; i++)
        {
            var factory = silos[i % 2].SiloHost.Services.GetRequiredService<IGrainFactory>();
            var agent = await factory.GetGrain<IAgentGrain>(GrainKeys.For("two-silos", $"agent-{i}"))
                .EnrollAsync(new AgentProfile($"Agent {i:D2}", $"agent{i}@test", ["en"], [], 5));
            Assert.Equal($"agent-{i}", agent.AgentId);
        }

        // The brokerage grain has a single activation, so of the two silos reading its roster at least one makes
        // a cross-silo call.
        foreach (var silo in silos)
        {
            var factory = silo.SiloHost.Services.GetRequiredService<IGrainFactory>();
            var roster = await factory.GetGrain<IBrokerageGrain>("two-silos").GetAgentsAsync();
            Assert.Equal(20, roster.Length);
        }

        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.Single(statistics, s => s.GrainType.Contains("BrokerageGrain", StringComparison.Ordinal));
    }
}
