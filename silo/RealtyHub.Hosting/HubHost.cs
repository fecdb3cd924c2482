using Microsoft.AspNetCore.Builder;
using RealtyHub.Hosting.Ai;
using RealtyHub.Hosting.Database;
using RealtyHub.Hosting.Health;
using RealtyHub.Hosting.Messaging;
using RealtyHub.Hosting.Orleans;
using RealtyHub.Hosting.Telemetry;
using RealtyHub.Hosting.Voice;

namespace RealtyHub.Hosting;

/// <summary>The start-up both hosts share, so a web node and a headless silo are configured the same way.</summary>
public static class HubHost
{
    /// <summary>Builds the common host (storage, silo, telemetry, health), lets the caller add to it, and runs it.</summary>
    /// <returns>The process exit code: 0, or 2 when the machine lacks PostgreSQL.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        string serviceName,
        Action<WebApplicationBuilder, HubDatabase> configure,
        Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateBuilder(args);
        HubDatabase database;
        try
        {
            database = builder.AddRealtyHubServices(serviceName);
        }
        catch (PostgresNotInstalledException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        configure(builder, database);
        var app = builder.Build();
        app.MapRealtyHubOperationalEndpoints();
        map(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Storage, co-hosted silo, telemetry and health checks.</summary>
    public static HubDatabase AddRealtyHubServices(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = builder.AddRealtyHubStorage();
        builder.AddRealtyHubSilo(database);
        builder.AddRealtyHubMessaging();
        builder.AddRealtyHubAi();
        builder.AddRealtyHubVoice();
        builder.AddRealtyHubTelemetry(serviceName);
        builder.AddRealtyHubHealthChecks();
        return database;
    }
}
