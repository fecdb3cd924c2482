using Dapper;
using Npgsql;
using RealtyHub.Grains.Requests;

namespace RealtyHub.Grains.Data;

internal sealed class RequestStore(NpgsqlDataSource database) : IRequestStore
{
    private const string ListColumns = """
        request_id as RequestId, agent_id as AgentId, expert_id as ExpertId, state as State, kind as Kind, priority as Priority,
        title as Title, created_at as CreatedAt, updated_at as UpdatedAt, rating as Rating
        """;

    public async Task SaveAsync(RequestView request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into requests (brokerage_id, request_id, agent_id, expert_id, state, kind, priority, title, created_at, updated_at, rating)
            values (@BrokerageId, @RequestId, @AgentId, @ExpertId, @State, @Kind, @Priority, @Title, @CreatedAt, @UpdatedAt, @Rating)
            on conflict (brokerage_id, request_id) do update set
                expert_id = excluded.expert_id, state = excluded.state, kind = excluded.kind, priority = excluded.priority,
                updated_at = excluded.updated_at, rating = excluded.rating
            """,
            new
            {
                request.BrokerageId,
                request.RequestId,
                request.AgentId,
                request.ExpertId,
                State = request.State.ToString(),
                Kind = request.Kind?.ToString(),
                Priority = request.Priority.ToString(),
                request.Title,
                request.CreatedAt,
                UpdatedAt = request.Timeline.IsDefaultOrEmpty ? request.CreatedAt : request.Timeline[^1].At,
                request.Rating,
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into request_events (brokerage_id, request_id, sequence, occurred_at, state, actor, note)
            values (@BrokerageId, @RequestId, @Sequence, @At, @State, @Actor, @Note)
            on conflict do nothing
            """,
            request.Timeline.Select(e => new { request.BrokerageId, request.RequestId, e.Sequence, e.At, State = e.State.ToString(), e.Actor, e.Note }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<RequestListItem>> ListForAgentAsync(string brokerageId, string agentId, int limit, CancellationToken cancellationToken = default) =>
        ListWhereAsync("and agent_id = @who order by created_at desc", brokerageId, agentId, limit, cancellationToken);

    public Task<IReadOnlyList<RequestListItem>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default) =>
        ListWhereAsync("order by created_at desc", brokerageId, null, limit, cancellationToken);

    public async Task<IReadOnlyList<RequestEvent>> EventsAsync(string brokerageId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            select sequence as Sequence, occurred_at as OccurredAt, state as State, actor as Actor, note as Note
            from request_events where brokerage_id = @brokerageId and request_id = @requestId order by sequence
            """,
            new { brokerageId, requestId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RequestEvent(r.Sequence, new DateTimeOffset(r.OccurredAt, TimeSpan.Zero), Enum.Parse<RequestState>(r.State), r.Actor, r.Note))];
    }

    private async Task<IReadOnlyList<RequestListItem>> ListWhereAsync(string tail, string brokerageId, string? who, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ListRow>(new CommandDefinition(
            $"select {ListColumns} from requests where brokerage_id = @brokerageId {tail} limit @limit",
            new { brokerageId, who, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToItem())];
    }

    private sealed record EventRow(int Sequence, DateTime OccurredAt, string State, string Actor, string? Note);

    private sealed record ListRow(
        string RequestId, string AgentId, string? ExpertId, string State, string? Kind, string Priority, string Title,
        DateTime CreatedAt, DateTime UpdatedAt, int? Rating)
    {
        public RequestListItem ToItem() => new(
            RequestId, AgentId, ExpertId, Enum.Parse<RequestState>(State), Kind is null ? null : Enum.Parse<RequestKind>(Kind),
            Enum.Parse<RequestPriority>(Priority), Title, new DateTimeOffset(CreatedAt, TimeSpan.Zero), new DateTimeOffset(UpdatedAt, TimeSpan.Zero), Rating);
    }
}
