using Dapper;
using Npgsql;

namespace RealtyHub.Grains.Data;

internal sealed class AgentActivityLog(NpgsqlDataSource database) : IAgentActivityLog
{
    public async Task RecordAsync(AgentActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into agent_activity (brokerage_id, agent_id, occurred_at, kind, subject, value_ms)
            values (@BrokerageId, @AgentId, @At, @Kind, @Subject, @ValueMs)
            """,
            // timestamptz takes UTC offsets only.
            activity with { At = activity.At.ToUniversalTime() },
            cancellationToken: cancellationToken));
    }
}
