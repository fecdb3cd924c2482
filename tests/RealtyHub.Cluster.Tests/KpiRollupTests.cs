using Npgsql;
using RealtyHub.Grains.Data;

namespace RealtyHub.Cluster.Tests;

/// <summary>The daily KPI rollup on a real PostgreSQL: local-day boundaries, exact values, idempotency.</summary>
public sealed class KpiRollupTests
{
    private const string Brokerage = "kpi-dubai";
    private const string Sara = "sara";
    private const string Omar = "omar";

    private static readonly TimeZoneInfo Dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateOnly Day = new(2026, 3, 10);

    /// <summary>Dubai is UTC+4 all year: 10 March starts at 9 March 20:00 UTC.</summary>
    private static readonly DateTimeOffset Midnight = new(2026, 3, 9, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rollup_of_a_Dubai_day_counts_exactly_the_facts_between_its_midnights_and_rerunning_changes_nothing()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero));
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("kpis"));
        var log = new AgentActivityLog(database);
        var store = new AgentKpiStore(database, clock);
        var oneMs = TimeSpan.FromMilliseconds(1);
        AgentActivity[] facts =
        [
            Reply(Sara, "conv-1", Midnight - oneMs, 999_999),                 // 9 March, 23:59:59.999 local
            Reply(Sara, "conv-1", Midnight, 60_000),                           // 00:00 local: the first instant counts
            Reply(Sara, "conv-1", Midnight.AddHours(1), null),                 // not answering a waiting client
            Reply(Sara, "conv-2", Midnight.AddHours(2), 120_000),
            Reply(Sara, "conv-3", Midnight.AddHours(3), 30_000),
            Reply(Sara, "conv-3", Midnight.AddDays(1) - oneMs, 90_000),        // 23:59:59.999 local
            Reply(Sara, "conv-4", Midnight.AddDays(1), 5),                     // 11 March
            Fact(Sara, AgentActivityKinds.LeadAdvanced, "lead-1", Midnight.AddHours(4)),
            Fact(Sara, AgentActivityKinds.LeadAdvanced, "lead-1", Midnight.AddHours(5)),  // the same lead again: one lead
            Fact(Sara, AgentActivityKinds.LeadAdvanced, "lead-2", Midnight.AddHours(6)),
            Fact(Sara, AgentActivityKinds.RequestMade, "req-1", Midnight.AddHours(7)),
            Fact(Sara, AgentActivityKinds.RequestMade, "req-2", Midnight.AddHours(8)),
            Fact(Sara, AgentActivityKinds.DeliverableRated, "req-1", Midnight.AddHours(9), 4),
            Fact(Sara, AgentActivityKinds.DeliverableRated, "req-2", Midnight.AddHours(10), 5),
            Reply(Omar, "conv-9", Midnight.AddHours(12), 45_000),
            Fact("ghost", "note", "conv-9", Midnight.AddHours(12)),             // not a KPI kind: no row
            Reply(Sara, "conv-1", Midnight.AddHours(1), 1) with { BrokerageId = "kpi-other" },
        ];
        foreach (var fact in facts)
        {
            await log.RecordAsync(fact);
        }

        var written = await store.RollupAsync(Brokerage, Day, Dubai);
        var first = await store.ListAsync(Brokerage, Day, Day);
        clock.Now = clock.Now.AddHours(1);
        await store.RollupAsync(Brokerage, Day, Dubai);
        var second = await store.ListAsync(Brokerage, Day, Day);

        Assert.Equal(2, written);
        // Sara: 3 conversations, 5 replies, median of 30 000 / 60 000 / 90 000 / 120 000 ms = 75 000, 2 leads, 2 requests, rating 4.5.
        AgentDailyKpi[] expected =
        [
            new(Brokerage, Omar, Day, 1, 45_000, 1, 1, 0, 0, null, 0, new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero)),
            new(Brokerage, Sara, Day, 3, 75_000, 4, 5, 2, 2, 4.5m, 2, new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero)),
        ];
        Assert.Equal(expected, first);
        Assert.Equal(expected.Select(k => k with { RolledUpAt = clock.Now }), second);
        Assert.Equal([Brokerage, "kpi-other"], await store.BrokeragesWithActivityAsync(Midnight));
        Assert.Equal([Brokerage], await store.BrokeragesWithActivityAsync(Midnight.AddHours(13)));
    }

    [Fact]
    public async Task A_fact_recorded_after_a_rollup_is_counted_by_the_next_one()
    {
        var clock = new FixedClock(Midnight.AddHours(10));
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("kpis"));
        var log = new AgentActivityLog(database);
        var store = new AgentKpiStore(database, clock);
        await log.RecordAsync(Reply(Sara, "conv-1", Midnight.AddHours(9), 10_000));
        await store.RollupAsync(Brokerage, Day, Dubai);

        await log.RecordAsync(Reply(Sara, "conv-2", Midnight.AddHours(9.5), 30_000));
        await store.RollupAsync(Brokerage, Day, Dubai);

        var kpi = Assert.Single(await store.ListAsync(Brokerage, Day, Day));
        Assert.Equal((2, 2, 20_000L), (kpi.ConversationsHandled, kpi.MessagesSent, kpi.FirstResponseMedianMs));
        Assert.True(await store.HasActivityBeforeAsync(Brokerage, Midnight.AddHours(9.1)));
        Assert.False(await store.HasActivityBeforeAsync(Brokerage, Midnight.AddHours(9)));
    }

    [Fact]
    public async Task The_25_hour_day_when_London_clocks_go_back_counts_the_repeated_hour_once_each_time()
    {
        var day = new DateOnly(2025, 10, 26);
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("kpis"));
        var log = new AgentActivityLog(database);
        var store = new AgentKpiStore(database, TimeProvider.System);
        DateTimeOffset[] at =
        [
            new(2025, 10, 25, 22, 59, 59, TimeSpan.Zero),  // 25 Oct, 23:59:59 BST
            new(2025, 10, 25, 23, 0, 0, TimeSpan.Zero),    // 26 Oct, 00:00 BST
            new(2025, 10, 26, 0, 30, 0, TimeSpan.Zero),    // 01:30 BST
            new(2025, 10, 26, 1, 30, 0, TimeSpan.Zero),    // 01:30 GMT, the hour again
            new(2025, 10, 26, 23, 59, 59, TimeSpan.Zero),  // 23:59:59 GMT
            new(2025, 10, 27, 0, 0, 0, TimeSpan.Zero),     // 27 Oct
        ];
        foreach (var instant in at)
        {
            await log.RecordAsync(Reply(Sara, $"conv-{instant:HHmmss}", instant, null) with { BrokerageId = "kpi-london" });
        }

        await store.RollupAsync("kpi-london", day, London);

        Assert.Equal(4, Assert.Single(await store.ListAsync("kpi-london", day, day)).MessagesSent);
    }

    [Theory]
    [InlineData("Europe/London", "2025-03-30", "2025-03-30T00:00:00Z", 23)]   // clocks go forward at 01:00
    [InlineData("Europe/London", "2025-10-26", "2025-10-25T23:00:00Z", 25)]   // clocks go back at 02:00
    [InlineData("America/Santiago", "2024-09-08", "2024-09-08T04:00:00Z", 23)] // midnight is skipped: the day starts at 01:00
    [InlineData("America/Santiago", "2024-04-06", "2024-04-06T03:00:00Z", 25)] // 23:00-24:00 happens twice
    [InlineData("Asia/Dubai", "2026-03-10", "2026-03-09T20:00:00Z", 24)]
    public void Local_days_start_at_their_first_instant_and_last_23_24_or_25_hours(string zoneId, string day, string start, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var (from, to) = BrokerageDay.UtcBounds(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), zone);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), from);
        Assert.Equal(TimeSpan.FromHours(hours), to - from);
    }

    private static AgentActivity Reply(string agent, string conversation, DateTimeOffset at, long? waitedMs) =>
        new(Brokerage, agent, at, AgentActivityKinds.Reply, conversation, waitedMs);

    private static AgentActivity Fact(string agent, string kind, string subject, DateTimeOffset at, long? value = null) =>
        new(Brokerage, agent, at, kind, subject, value);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
