using Dapper;
using Npgsql;

namespace RealtyHub.Grains.Data;

internal sealed class AuditLog(NpgsqlDataSource database) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into audit_events (brokerage_id, occurred_at, actor, action, subject, details)
            values (@BrokerageId, @OccurredAt, @Actor, @Action, @Subject, @Details)
            """,
            entry,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            select brokerage_id as BrokerageId, occurred_at as OccurredAt, actor as Actor, action as Action,
                   subject as Subject, details as Details
            from audit_events where brokerage_id = @brokerageId
            order by id desc limit @limit
            """,
            new { brokerageId, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.BrokerageId, r.OccurredAt, r.Actor, r.Action, r.Subject, r.Details))];
    }

    private sealed record AuditRow(string BrokerageId, DateTime OccurredAt, string Actor, string Action, string Subject, string? Details);
}
