namespace RealtyHub.Hosting.Database;

/// <summary>
/// Where the hub's PostgreSQL is. With no <see cref="ConnectionString"/> the hub runs its own private server
/// in <see cref="DataDirectory"/> (see <see cref="EmbeddedPostgres"/>).
/// </summary>
public sealed class PostgresOptions
{
    public const string Section = "RealtyHub:Postgres";

    /// <summary>An Npgsql connection string; from <c>ConnectionStrings:RealtyHub</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the private server's data (relative paths are under the content root).</summary>
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>Loopback port of the private server.</summary>
    public int Port { get; set; } = 55433;

    /// <summary>Database name used on the private server.</summary>
    public string Database { get; set; } = "realtyhub";

    /// <summary>Folder holding <c>initdb</c> and <c>pg_ctl</c>; found automatically when empty.</summary>
    public string? BinDirectory { get; set; }
}
