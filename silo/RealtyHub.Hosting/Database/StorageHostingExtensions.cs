using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains;

namespace RealtyHub.Hosting.Database;

public static class StorageHostingExtensions
{
    /// <summary>
    /// Resolves the hub's PostgreSQL (the <c>RealtyHub</c> connection string, else a private server under the
    /// data folder) and registers start-up migration, the data source and the grains' data services.
    /// Call before <c>AddRealtyHubSilo</c> so the database is up before the silo joins the cluster.
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">No connection string and no PostgreSQL binaries.</exception>
    public static HubDatabase AddRealtyHubStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PostgresOptions.Section).Get<PostgresOptions>() ?? new PostgresOptions();
        var connectionString = builder.Configuration.GetConnectionString("RealtyHub") ?? options.ConnectionString;

        var database = string.IsNullOrWhiteSpace(connectionString)
            ? CreateEmbedded(builder, options)
            : new HubDatabase(connectionString, Embedded: null);

        // A factory registration: the container then owns (and disposes) the database, stopping a private server.
        builder.Services.AddSingleton(_ => database);
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        builder.Services.AddRealtyHubGrainServices();
        builder.Services.Configure<DispatchOptions>(builder.Configuration.GetSection(DispatchOptions.Section));
        return database;
    }

    private static HubDatabase CreateEmbedded(IHostApplicationBuilder builder, PostgresOptions options)
    {
        var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, options.DataDirectory);
        var embedded = new EmbeddedPostgres(dataDirectory, options.Port, options.Database, options.BinDirectory);
        return new HubDatabase(embedded.ConnectionString, embedded);
    }
}
