using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// The two ceilings the hub's figures are compared with, on the same machine: a trivial Kestrel endpoint's request
/// rate (in this process, same HTTP client settings and concurrency as the webhook flood) and PostgreSQL's raw
/// single-row insert rate (one autocommit INSERT per round trip, Npgsql, on the load test's own server).
/// </summary>
public static class CeilingsScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(HubEnvironment environment, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var kestrel = await KestrelAsync(settings, p => progress(p / 2), cancellationToken);
        var postgres = await PostgresAsync(environment, settings, p => progress(0.5 + (p / 2)), cancellationToken);
        return [kestrel, postgres];
    }

    private static async Task<ScenarioResult> KestrelAsync(LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePorts.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapPost("/", () => Results.Text("<Response></Response>", "text/xml"));
        await app.StartAsync(cancellationToken);

        using var http = HubEnvironment.CreateLoadClient();
        var target = new Uri($"http://127.0.0.1:{port}/");
        var latency = new LatencyRecorder();
        long ok = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        await LoadDriver.RunFlatOutAsync(settings.Concurrency, settings.Duration, async started =>
        {
            try
            {
                using var content = new FormUrlEncodedContent([new("Body", "ceiling")]);
                using var response = await http.PostAsync(target, content, cancellationToken);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            latency.Record(Stopwatch.GetElapsedTime(started));
        }, progress, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await app.StopAsync(CancellationToken.None);
        return new ScenarioResult("ceiling-kestrel", "A trivial Kestrel POST endpoint in the load-test process, closed loop", seconds, ok,
            ok / seconds, "requests/s", latency.Summarize(), errors, null, [],
            [new("concurrency", settings.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    private static async Task<ScenarioResult> PostgresAsync(HubEnvironment environment, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(environment.ConnectionString) { MaxPoolSize = 200 }.ConnectionString;
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand(
                "create table if not exists load_ceiling_probe (id bigint generated always as identity primary key, body text not null, at timestamptz not null default now())", setup);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var workers = Math.Min(settings.Concurrency, 32);
        var latency = new LatencyRecorder();
        long ok = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await LoadDriver.RunFlatOutAsync(workers, settings.Duration, async started =>
        {
            try
            {
                await using var command = source.CreateCommand("insert into load_ceiling_probe (body) values ($1)");
                command.Parameters.Add(new NpgsqlParameter { Value = "ceiling" });
                await command.ExecuteNonQueryAsync(cancellationToken);
                Interlocked.Increment(ref ok);
            }
            catch (NpgsqlException)
            {
                Interlocked.Increment(ref errors);
            }

            latency.Record(Stopwatch.GetElapsedTime(started));
        }, progress, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ScenarioResult("ceiling-postgres-insert", "Single-row autocommit INSERTs on the same PostgreSQL, closed loop", seconds, ok,
            ok / seconds, "inserts/s", latency.Summarize(), errors, null, [],
            [new("connections", workers.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }
}
