using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using RealtyHub.Grains;
using RealtyHub.Grains.Leads;
using RealtyHub.Hosting.Orleans;

namespace RealtyHub.Testing;

/// <summary>
/// A real Orleans cluster (TestingHost, TCP between silos) configured like production through
/// <see cref="SiloHostingExtensions.UseRealtyHubProviders"/>: ADO.NET clustering, grain storage and reminders on
/// a real PostgreSQL database. The same service id over the same database sees the same state across clusters.
/// </summary>
public static class HubTestCluster
{
    private const string ConnectionStringKey = "RealtyHubTest:ConnectionString";

    /// <summary>Reminders may fire seconds apart in tests (production keeps Orleans' one-minute floor).</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(1);

    public static async Task<TestCluster> StartAsync(string connectionString, string serviceId, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            siloBuilder.UseRealtyHubProviders(connectionString);
            siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            siloBuilder.Services.AddRealtyHubGrainServices();
            siloBuilder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = MinimumReminderPeriod);
            siloBuilder.Services.Configure<FollowUpOptions>(o => o.RetryPeriod = TimeSpan.FromSeconds(2));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}
