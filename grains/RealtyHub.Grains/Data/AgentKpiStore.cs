using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace RealtyHub.Grains.Data;

internal sealed class AgentKpiStore(NpgsqlDataSource database, TimeProvider clock) : IAgentKpiStore
{
    public async Task<int> RollupAsync(string brokerageId, DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        // The day's bounds come from .NET's time zone rules, so PostgreSQL needs no tz database of its own.
        var (start, end) = BrokerageDay.UtcBounds(day, zone);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into agent_daily_kpis (brokerage_id, agent_id, day, conversations_handled, first_response_median_ms,
                first_responses, messages_sent, leads_advanced, requests_made, average_rating, ratings, rolled_up_at)
            select @brokerageId, agent_id, @day::date,
                   count(distinct subject) filter (where kind = @reply),
                   round(percentile_cont(0.5) within group (order by value_ms) filter (where kind = @reply and value_ms is not null))::bigint,
                   count(*) filter (where kind = @reply and value_ms is not null),
                   count(*) filter (where kind = @reply),
                   count(distinct subject) filter (where kind = @leadAdvanced),
                   count(*) filter (where kind = @requestMade),
                   round(avg(value_ms) filter (where kind = @rated), 2),
                   count(*) filter (where kind = @rated),
                   @now
            from agent_activity
            where brokerage_id = @brokerageId and occurred_at >= @start and occurred_at < @end
              and kind in (@reply, @leadAdvanced, @requestMade, @rated)
            group by agent_id
            on conflict (brokerage_id, agent_id, day) do update set
                conversations_handled = excluded.conversations_handled,
                first_response_median_ms = excluded.first_response_median_ms,
                first_responses = excluded.first_responses,
                messages_sent = excluded.messages_sent,
                leads_advanced = excluded.leads_advanced,
                requests_made = excluded.requests_made,
                average_rating = excluded.average_rating,
                ratings = excluded.ratings,
                rolled_up_at = excluded.rolled_up_at
            """,
            new
            {
                brokerageId,
                day = AsDate(day),
                start,
                end,
                now = clock.GetUtcNow(),
                reply = AgentActivityKinds.Reply,
                leadAdvanced = AgentActivityKinds.LeadAdvanced,
                requestMade = AgentActivityKinds.RequestMade,
                rated = AgentActivityKinds.DeliverableRated,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AgentDailyKpi>> ListAsync(string brokerageId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KpiRow>(new CommandDefinition(
            """
            select brokerage_id as BrokerageId, agent_id as AgentId, day as Day, conversations_handled as ConversationsHandled,
                   first_response_median_ms as FirstResponseMedianMs, first_responses as FirstResponses,
                   messages_sent as MessagesSent, leads_advanced as LeadsAdvanced, requests_made as RequestsMade,
                   average_rating as AverageRating, ratings as Ratings, rolled_up_at as RolledUpAt
            from agent_daily_kpis
            where brokerage_id = @brokerageId and day between @firstDay::date and @lastDay::date
            order by day, agent_id
            """,
            new { brokerageId, firstDay = AsDate(firstDay), lastDay = AsDate(lastDay) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AgentDailyKpi(
            r.BrokerageId, r.AgentId, r.Day, r.ConversationsHandled, r.FirstResponseMedianMs, r.FirstResponses,
            r.MessagesSent, r.LeadsAdvanced, r.RequestsMade, r.AverageRating, r.Ratings, new DateTimeOffset(r.RolledUpAt, TimeSpan.Zero)))];
    }

    public async Task<IReadOnlyList<string>> BrokeragesWithActivityAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "select distinct brokerage_id from agent_activity where occurred_at >= @since order by brokerage_id",
            new { since = since.ToUniversalTime() },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task<bool> HasActivityBeforeAsync(string brokerageId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from agent_activity where brokerage_id = @brokerageId and occurred_at < @before)",
            new { brokerageId, before = before.ToUniversalTime() },
            cancellationToken: cancellationToken));
    }

    public async Task ImportActivityAsync(IReadOnlyCollection<AgentActivity> facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "copy agent_activity (brokerage_id, agent_id, occurred_at, kind, subject, value_ms) from stdin (format binary)", cancellationToken);
        foreach (var fact in facts)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(fact.BrokerageId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(fact.AgentId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(fact.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(fact.Kind, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(fact.Subject, NpgsqlDbType.Text, cancellationToken);
            if (fact.ValueMs is { } value)
            {
                await writer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Dapper cannot bind <see cref="DateOnly"/>; a midnight <see cref="DateTime"/> cast to <c>date</c> in SQL says the same.</summary>
    private static DateTime AsDate(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private sealed record KpiRow(
        string BrokerageId, string AgentId, DateOnly Day, int ConversationsHandled, long? FirstResponseMedianMs, int FirstResponses,
        int MessagesSent, int LeadsAdvanced, int RequestsMade, decimal? AverageRating, int Ratings, DateTime RolledUpAt);
}
