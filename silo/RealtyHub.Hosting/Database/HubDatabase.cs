namespace RealtyHub.Hosting.Database;

/// <summary>
/// The PostgreSQL the host uses: a configured server, or the private one it runs itself. Disposed by the container,
/// so the private server is stopped even when the host fails to start (hosted services are not stopped then).
/// </summary>
public sealed record HubDatabase(string ConnectionString, EmbeddedPostgres? Embedded) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync();
        }
    }
}
