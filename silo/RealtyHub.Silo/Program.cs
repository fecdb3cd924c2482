using RealtyHub.Hosting;

// A headless silo for scale-out: same grains, same PostgreSQL, no console. Exposes /health/* and /metrics.
return await HubHost.RunAsync(args, "realtyhub-silo", static (builder, database) => { }, static app => { });
