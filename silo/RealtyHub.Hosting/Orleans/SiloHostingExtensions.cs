using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;
using RealtyHub.Grains;
using RealtyHub.Hosting.Database;

namespace RealtyHub.Hosting.Orleans;

public static class SiloHostingExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>Hosts a silo in this process, clustered, persisted and reminded through PostgreSQL.</summary>
    public static IHostApplicationBuilder AddRealtyHubSilo(this IHostApplicationBuilder builder, HubDatabase database)
    {
        var cluster = builder.Configuration.GetSection(HubClusterOptions.Section).Get<HubClusterOptions>() ?? new HubClusterOptions();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.ServiceId;
                o.ClusterId = cluster.ClusterId;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Failure detection decides how long calls to a crashed silo's grains stall (see HubClusterOptions).
                o.ProbeTimeout = cluster.ProbeTimeout;
                o.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
                o.TableRefreshTimeout = cluster.TableRefreshTimeout;
                o.DeathVoteExpirationTimeout = cluster.DeathVoteExpirationTimeout;
                o.IAmAliveTablePublishTimeout = cluster.IAmAliveTablePublishTimeout;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseRealtyHubProviders(database.ConnectionString);
        });
        return builder;
    }

    /// <summary>
    /// The providers every RealtyHub silo uses: ADO.NET clustering, grain storage and reminders on PostgreSQL.
    /// Shared by the hosts and the test clusters so tests run the production configuration.
    /// </summary>
    public static ISiloBuilder UseRealtyHubProviders(this ISiloBuilder silo, string connectionString, bool clustering = true)
    {
        if (clustering)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        }

        silo.AddAdoNetGrainStorage(GrainStorage.Name, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });

        // Grain state in the Orleans binary format: versioned by [Id]/[Alias], so contracts can evolve.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStorage.Name)
            .Configure<IServiceProvider>((o, services) => o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services));

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddActivityPropagation();
        return silo;
    }
}
