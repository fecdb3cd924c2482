using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RealtyHub.Hosting.Database;

namespace RealtyHub.Testing;

/// <summary>
/// One throwaway PostgreSQL server per test process, run by the production <see cref="EmbeddedPostgres"/> from the
/// machine's binaries, in a temporary folder deleted at exit. Each fixture gets its own fresh database.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await GetServerAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 60)];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Creates a database with the hub's schema applied (what a host does at start).</summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string prefix)
    {
        var connectionString = await CreateDatabaseAsync(prefix);
        DatabaseMigrator.Migrate(connectionString, NullLogger.Instance);
        return connectionString;
    }

    private static async Task<EmbeddedPostgres> GetServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null)
            {
                RemoveStaleServers();
                var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
                var server = new EmbeddedPostgres(directory, FreePorts.Next(), "postgres");
                await server.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server);
                _server = server;
            }

            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Root => Path.Combine(Path.GetTempPath(), "realtyhub-tests");

    /// <summary>
    /// Data folders of earlier runs whose server is gone (no postmaster.pid) and that are over an hour old: left when a
    /// test process was killed before it could clean up. Recent ones may belong to a run starting right now.
    /// </summary>
    private static void RemoveStaleServers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(Root))
        {
            if (!File.Exists(Path.Combine(directory, "postmaster.pid")) && Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1))
            {
                TryDelete(directory);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail the run on cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Stop(EmbeddedPostgres server)
    {
        server.StopAsync().GetAwaiter().GetResult();
        TryDelete(server.DataDirectory);
    }
}
