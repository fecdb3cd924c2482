using System.Globalization;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RealtyHub.Hosting.Database;

/// <summary>
/// Applies the versioned SQL scripts in <c>Database/Migrations</c> (Orleans provider schema + the hub's own
/// tables) with dbup, which records what ran in <c>schemaversions</c>; running again is a no-op.
/// </summary>
public static class DatabaseMigrator
{
    public static void Migrate(string connectionString, ILogger logger)
    {
        // Unpooled: a migration is a one-off, and a pooled connection could be a stale one left from a server
        // that was restarted while this process lived (as in a host restart within one process).
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUpLog(logger));
        var result = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Database.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at script '{result.ErrorScript?.Name}'.", result.Error);
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        // dbup hands over composite format strings ("{0}"), not message templates: format them first.
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Migration}", Format(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Migration}", Format(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{Migration}", Format(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Migration}", Format(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{Migration}", Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Migration}", Format(format, args));

        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
