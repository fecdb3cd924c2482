using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RealtyHub.Hosting.Database;

/// <summary>
/// Starts the private server (if any) and migrates the schema before anything else starts; stops the private
/// server last. Registered ahead of the Orleans silo, so it starts first and stops after the silo.
/// </summary>
internal sealed class DatabaseStartup(HubDatabase database, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Embedded is { } embedded)
        {
            await embedded.StartAsync(cancellationToken);
            logger.LogInformation(
                "Private PostgreSQL {How} on 127.0.0.1:{Port}, data in {DataDirectory}. Other local hosts can join with ConnectionStrings__RealtyHub=\"{ConnectionString}\"",
                embedded.AdoptedRunningServer ? "already running (shared)" : "started",
                embedded.Port,
                embedded.DataDirectory,
                embedded.ConnectionString);
        }

        await Task.Run(() => DatabaseMigrator.Migrate(database.ConnectionString, logger), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (database.Embedded is { } embedded)
        {
            await embedded.StopAsync(cancellationToken);
        }
    }
}
