using Dapper;
using Npgsql;
using RealtyHub.Grains.Leads;

namespace RealtyHub.Grains.Data;

internal sealed class LeadDirectory(NpgsqlDataSource database) : ILeadDirectory
{
    public async Task UpsertAsync(LeadSnapshot lead, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into leads (brokerage_id, lead_id, name, phone, source, stage, owner_agent_id, area, created_at, updated_at)
            values (@BrokerageId, @LeadId, @Name, @Phone, @Source, @Stage, @OwnerAgentId, @Area, @CreatedAt, now())
            on conflict (brokerage_id, lead_id) do update set
                name = excluded.name, phone = excluded.phone, source = excluded.source, stage = excluded.stage,
                owner_agent_id = excluded.owner_agent_id, area = excluded.area, updated_at = now()
            """,
            new
            {
                lead.BrokerageId,
                lead.LeadId,
                lead.Details.Name,
                lead.Details.Phone,
                lead.Details.Source,
                Stage = lead.Stage.ToString(),
                lead.OwnerAgentId,
                lead.Details.Area,
                lead.CreatedAt,
            },
            cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<LeadListItem>> ListAsync(string brokerageId, int limit, CancellationToken cancellationToken = default) =>
        SelectAsync("order by created_at desc, lead_id limit @limit", new { brokerageId, limit }, cancellationToken);

    /// <summary>Whole-word, case-insensitive name match ("Sara" finds "Sara Al Mansoori", not "Sarah").</summary>
    public Task<IReadOnlyList<LeadListItem>> FindByNameAsync(string brokerageId, string name, int limit, CancellationToken cancellationToken = default) =>
        SelectAsync(
            @"and name ~* ('\m' || @pattern || '\M') order by created_at desc, lead_id limit @limit",
            new { brokerageId, pattern = System.Text.RegularExpressions.Regex.Escape(name.Trim()), limit },
            cancellationToken);

    private async Task<IReadOnlyList<LeadListItem>> SelectAsync(string tail, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LeadRow>(new CommandDefinition(
            $"""
            select brokerage_id as BrokerageId, lead_id as LeadId, name as Name, phone as Phone, source as Source,
                   stage as Stage, owner_agent_id as OwnerAgentId, area as Area, created_at as CreatedAt
            from leads where brokerage_id = @brokerageId {tail}
            """,
            parameters,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LeadListItem(
            r.BrokerageId, r.LeadId, r.Name, r.Phone, r.Source, Enum.Parse<LeadStage>(r.Stage), r.OwnerAgentId, r.Area,
            new DateTimeOffset(r.CreatedAt, TimeSpan.Zero)))];
    }

    public async Task<int> CountAsync(string brokerageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from leads where brokerage_id = @brokerageId",
            new { brokerageId },
            cancellationToken: cancellationToken));
    }

    private sealed record LeadRow(
        string BrokerageId, string LeadId, string Name, string Phone, string Source, string Stage,
        string? OwnerAgentId, string? Area, DateTime CreatedAt);
}
