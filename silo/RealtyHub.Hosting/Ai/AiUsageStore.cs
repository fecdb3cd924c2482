using Dapper;
using Npgsql;

namespace RealtyHub.Hosting.Ai;

internal sealed class AiUsageStore(NpgsqlDataSource database) : IAiUsageStore
{
    public async Task<long> TokensUsedAsync(string brokerageId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select tokens from ai_usage where brokerage_id = @brokerageId and day = @day::date",
            new { brokerageId, day = AsDate(day) },
            cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task RecordAsync(string brokerageId, DateOnly day, long tokens, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One upsert that adds in the database, so two silos recording at once never lose a call.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into ai_usage (brokerage_id, day, tokens, calls) values (@brokerageId, @day::date, @tokens, 1)
            on conflict (brokerage_id, day) do update set tokens = ai_usage.tokens + excluded.tokens, calls = ai_usage.calls + 1
            """,
            new { brokerageId, day = AsDate(day), tokens },
            cancellationToken: cancellationToken));
    }

    /// <summary>Dapper cannot bind <see cref="DateOnly"/>; a midnight <see cref="DateTime"/> cast to <c>date</c> says the same.</summary>
    private static DateTime AsDate(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
