using RealtyHub.Hosting;
using RealtyHub.Web;

// The hub in one process: a co-hosted silo, the console (Blazor Server), SignalR, the API and webhooks.
return await HubHost.RunAsync(
    args,
    "realtyhub-web",
    static (builder, database) => builder.AddRealtyHubConsole(database),
    static app => app.UseRealtyHubConsole());

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
