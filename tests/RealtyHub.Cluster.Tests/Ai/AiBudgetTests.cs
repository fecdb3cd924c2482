using System.Collections.Immutable;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RealtyHub.Grains.Requests;
using RealtyHub.Grains.Requests.Ai;
using RealtyHub.Hosting.Ai;
using RealtyHub.Integrations.Ai;
using RealtyHub.LlmEmulator;

namespace RealtyHub.Cluster.Tests.Ai;

/// <summary>The per-brokerage daily AI allowance on a real PostgreSQL (table ai_usage), alone and in front of a model.</summary>
public sealed class AiBudgetTests
{
    private const string Exceeded =
        "Today's AI allowance for this brokerage (1,000 tokens) is used up; it resets at 00:00 UTC. An expert can still complete the request by hand.";

    /// <summary>23:59 UTC: one minute before the allowance resets (already 3 March in Dubai: the day is UTC's, as the message says).</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 2, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task Usage_from_concurrent_calls_adds_up_per_brokerage_and_UTC_day()
    {
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("ai_usage"));
        var store = new AiUsageStore(database);
        var day = new DateOnly(2026, 3, 2);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => store.RecordAsync("b-1", day, i)));
        await store.RecordAsync("b-1", day.AddDays(1), 7);
        await store.RecordAsync("b-2", day, 5);

        Assert.Equal(210, await store.TokensUsedAsync("b-1", day));
        Assert.Equal(7, await store.TokensUsedAsync("b-1", day.AddDays(1)));
        Assert.Equal(5, await store.TokensUsedAsync("b-2", day));
        Assert.Equal(0, await store.TokensUsedAsync("b-3", day));
        await using var connection = await database.OpenConnectionAsync();
        Assert.Equal(20, await connection.ExecuteScalarAsync<int>("select calls from ai_usage where brokerage_id = 'b-1' and day = '2026-03-02'"));
    }

    [Fact]
    public async Task A_used_up_allowance_refuses_with_a_plain_message_until_midnight_UTC()
    {
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("ai_usage"));
        var store = new AiUsageStore(database);
        var clock = new MovableClock(LateEvening);
        var budget = new AiBudget(store, Options.Create(new AiOptions { DailyTokenBudget = 1_000 }), clock);
        await store.RecordAsync("b-1", new DateOnly(2026, 3, 2), 999);

        await budget.EnsureAvailableAsync("b-1");   // 999 < 1,000: one more call may run
        await store.RecordAsync("b-1", new DateOnly(2026, 3, 2), 400);
        var refused = await Assert.ThrowsAsync<AiBudgetExceededException>(() => budget.EnsureAvailableAsync("b-1"));
        await budget.EnsureAvailableAsync("b-2");   // another brokerage has its own allowance
        clock.Now = LateEvening.AddMinutes(1);
        await budget.EnsureAvailableAsync("b-1");   // 00:00 UTC: a new day

        Assert.Equal(Exceeded, refused.Message);
    }

    [Fact]
    public async Task A_zero_allowance_is_unlimited()
    {
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("ai_usage"));
        var store = new AiUsageStore(database);
        var budget = new AiBudget(store, Options.Create(new AiOptions { DailyTokenBudget = 0 }), new MovableClock(LateEvening));
        await store.RecordAsync("b-1", new DateOnly(2026, 3, 2), 10_000_000);

        await budget.EnsureAvailableAsync("b-1");
    }

    [Fact]
    public async Task The_drafter_records_the_models_usage_and_refuses_once_the_allowance_is_used()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var database = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync("ai_usage"));
        var options = Options.Create(new AiOptions
        {
            Endpoint = new Uri(new Uri(emulator.Urls.First()), "/llm-emulator/v1"),
            Model = "realtyhub-emulator",
            ApiKey = "sk-budget",
            DailyTokenBudget = 1_000,
        });
        var clock = new MovableClock(LateEvening);
        using var chat = new AiChat(options, new AiBudget(new AiUsageStore(database), options, clock), NullLogger<AiChat>.Instance);
        var drafter = new ChatClientDrafter(chat, clock);
        var input = new DraftInput("b-1", "Marina Realty Dubai", "Omar Farouk", "Instagram post\nfor the\nJLT flat\n" + new string('x', 2_000), RequestKind.SocialPost,
            RequestEntities.None, null, [], [], ImmutableArray<string>.Empty);

        await drafter.DraftAsync(input);   // ~750 tokens (4 characters a token; the emulator quotes only the first three lines)
        await using var connection = await database.OpenConnectionAsync();
        var (tokens, calls) = await connection.QuerySingleAsync<(long, int)>("select tokens, calls from ai_usage where brokerage_id = 'b-1'");
        await drafter.DraftAsync(input);   // still under before this call: it runs and crosses the line
        var refused = await Assert.ThrowsAsync<AiBudgetExceededException>(() => drafter.DraftAsync(input));

        Assert.InRange(tokens, 500, 999);
        Assert.Equal(1, calls);
        Assert.Equal(Exceeded, refused.Message);
        Assert.Equal(2, emulator.Services.GetRequiredService<LlmEmulatorService>().Requests.Count);
    }

    private static async Task<WebApplication> StartEmulatorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddLlmEmulator(o => o.ApiKey = "sk-budget");
        var app = builder.Build();
        app.MapLlmEmulator();
        await app.StartAsync();
        return app;
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
