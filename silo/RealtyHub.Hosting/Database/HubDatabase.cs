namespace RealtyHub.Hosting.Database;

/// <summary>The PostgreSQL the host uses: a configured server, or the private one it runs itself.</summary>
public sealed record HubDatabase(string ConnectionString, EmbeddedPostgres? Embedded);
