namespace RealtyHub.Hosting.Database;

/// <summary>The machine has no PostgreSQL server binaries and no connection string was configured.</summary>
public sealed class PostgresNotInstalledException() : Exception(
    "PostgreSQL server binaries (initdb, pg_ctl) were not found, and no connection string is configured. " +
    "Install PostgreSQL (Debian/Ubuntu: 'sudo apt-get install -y postgresql'; macOS: 'brew install postgresql@15'), " +
    "or point the hub at an existing server with the environment variable ConnectionStrings__RealtyHub.");
