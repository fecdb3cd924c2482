using Microsoft.Extensions.Options;
using RealtyHub.Grains.Brokerages;
using RealtyHub.Grains.Data;
using RealtyHub.Web.Components.Inbox;

namespace RealtyHub.Web.Services;

/// <summary>
/// Keeps the daily KPIs current: every <see cref="KpiOptions.RollupEvery"/> it recomputes today and yesterday (in each
/// brokerage's time zone) for every brokerage with recent activity. Yesterday is included so facts recorded just
/// before midnight are counted however late the last run of that day was. Every web node runs it; the rollup is an
/// idempotent upsert, so running it twice only costs a query.
/// </summary>
internal sealed partial class KpiRollupWorker(
    IAgentKpiStore store,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<KpiOptions> options,
    ILogger<KpiRollupWorker> logger) : BackgroundService
{
    /// <summary>The start of yesterday is at most 49 hours ago in any time zone (48 hours plus a daylight-saving hour).</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(49);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RollupEvery, clock);
        do
        {
            await RollupOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every brokerage with activity since the start of yesterday; a failing brokerage does not stop the others.</summary>
    public async Task RollupOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<string> brokerages;
        try
        {
            brokerages = await store.BrokeragesWithActivityAsync(now - Lookback, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Database briefly away: the next tick tries again.
            LogFailed(logger, ex, "all");
            return;
        }

        foreach (var brokerageId in brokerages)
        {
            try
            {
                var zone = InboxContext.ZoneOf((await grains.GetGrain<IBrokerageGrain>(brokerageId).GetProfileAsync())?.TimeZoneId);
                var today = BrokerageDay.Of(now, zone);
                await store.RollupAsync(brokerageId, today.AddDays(-1), zone, cancellationToken);
                await store.RollupAsync(brokerageId, today, zone, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, ex, brokerageId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KPI rollup failed for brokerage {BrokerageId}; retried at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string brokerageId);
}
