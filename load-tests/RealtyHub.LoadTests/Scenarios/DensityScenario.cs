using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using RealtyHub.LoadTests.Environment;
using RealtyHub.LoadTests.Metrics;
using RealtyHub.LoadTests.Traffic;

namespace RealtyHub.LoadTests.Scenarios;

/// <summary>
/// Scenario 3: console connections of the hottest brokerage's signed-in supervisor (one cookie, many connections) to
/// web-1 only, opened in steps up to <c>--max-connections</c> while webhooks at <c>--rate</c> keep every board updating.
/// After each step a 3 s hold: a connection is live when it received a <c>BoardChanged</c> in the hold. The ramp stops
/// at the target, or when a step has connect failures or fewer than 99% live connections. Latency = connect time.
/// </summary>
public static class DensityScenario
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    public static async Task<ScenarioResult> RunAsync(
        HubEnvironment environment, IReadOnlyList<BrokerageSetup> brokerages, LoadSettings settings, Action<double> progress, CancellationToken cancellationToken)
    {
        var web = environment.Webs[0];
        var supervisors = new List<SignedInClient>();
        var connections = new ConcurrentBag<HubConnection>();
        var lastEvent = new long[settings.DensityConnections];
        var connectLatency = new LatencyRecorder();
        var steps = new List<KeyValuePair<string, string>>();
        using var http = HubEnvironment.CreateLoadClient();
        using var stopTraffic = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? traffic = null;
        try
        {
            // The hottest brokerage (Zipf rank 1) so its board changes every hold; one sign-in, its cookie reused.
            supervisors.Add(await SignedInClient.SignInAsync(web.BaseAddress, brokerages[0].Supervisors[0].Email, HubEnvironment.Password, cancellationToken));

            var run = new WebhookRun(new MessageFactory(brokerages, [web.BaseAddress], settings.Clients, settings.Seed + 5000), new WebhookSender(http));
            traffic = run.AtRateAsync(settings.Rate, TimeSpan.FromHours(1), null, stopTraffic.Token);

            await using var sampler = new ProcessSampler([(web.Name, web.Pid)]);
            var step = Math.Max(25, settings.DensityConnections / 10);
            var held = 0;
            var clock = Stopwatch.StartNew();
            while (held < settings.DensityConnections)
            {
                var from = held;
                var to = Math.Min(settings.DensityConnections, held + step);
                var failures = 0;
                var cpuBefore = ProcStat.CpuSeconds(web.Pid) ?? 0;
                var stepClock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
                {
                    var connection = supervisors[i % supervisors.Count].BuildConnection();
                    connection.On<object>("BoardChanged", _ => Volatile.Write(ref lastEvent[i], Stopwatch.GetTimestamp()));
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        timeout.CancelAfter(TimeSpan.FromSeconds(30));
                        await connection.StartAsync(timeout.Token);
                        connectLatency.Record(Stopwatch.GetElapsedTime(started));
                        connections.Add(connection);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or IOException or AggregateException)
                    {
                        Interlocked.Increment(ref failures);
                        await connection.DisposeAsync();
                    }
                });

                // A hold in which the board did not change at all (no webhook for the brokerage) says nothing: hold again.
                var live = 0;
                for (var attempt = 0; attempt < 4 && live == 0; attempt++)
                {
                    var holdStart = Stopwatch.GetTimestamp();
                    await Task.Delay(Hold, cancellationToken);
                    live = Enumerable.Range(0, to).Count(i => Volatile.Read(ref lastEvent[i]) >= holdStart);
                }

                var cores = ((ProcStat.CpuSeconds(web.Pid) ?? cpuBefore) - cpuBefore) / stepClock.Elapsed.TotalSeconds;
                steps.Add(new($"step {steps.Count + 1}", string.Create(CultureInfo.InvariantCulture,
                    $"{connections.Count} connections, {failures} failed, {live} live ({100.0 * live / Math.Max(1, to):0.0}%), web-1 RSS {ProcStat.RssMb(web.Pid) ?? 0:0} MB, {cores:0.00} cores")));
                progress((double)to / settings.DensityConnections);
                held = to;
                if (failures > 0 || live < 0.99 * to)
                {
                    steps.Add(new("stopped", "a step had connect failures or under 99% live connections"));
                    break;
                }
            }

            await stopTraffic.CancelAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var maxLive = connections.Count;
            return new ScenarioResult("density", "Console connections held by one web node (web-1) while boards update; ramped in steps",
                seconds, maxLive, maxLive, "connections held", connectLatency.Summarize(), settings.DensityConnections - maxLive, null, sampler.Snapshot(),
                [
                    new("target connections", settings.DensityConnections.ToString(CultureInfo.InvariantCulture)),
                    new("background webhooks/s", settings.Rate.ToString(CultureInfo.InvariantCulture)),
                    .. steps,
                ]);
        }
        finally
        {
            await stopTraffic.CancelAsync();
            if (traffic is not null)
            {
                try
                {
                    await traffic;
                }
                catch (OperationCanceledException)
                {
                    // Stopped on purpose.
                }
            }

            await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) => await c.DisposeAsync());
            supervisors.ForEach(s => s.Dispose());
        }
    }
}
