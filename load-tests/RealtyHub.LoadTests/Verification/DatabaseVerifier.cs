using System.Diagnostics;
using Dapper;
using Npgsql;

namespace RealtyHub.LoadTests.Verification;

/// <summary>Counts the acknowledged webhooks' rows in PostgreSQL once processing has drained (or the drain timed out).</summary>
public static class DatabaseVerifier
{
    public static async Task<DeliveryAudit> AuditAsync(string connectionString, IReadOnlyCollection<string> acknowledgedSids, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var sids = acknowledgedSids.ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var drain = Stopwatch.StartNew();
        long present;
        while (true)
        {
            // Drained: every acknowledged sid has its message row and its inbox row is marked processed.
            present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "select count(distinct message_id) from messages where message_id = any(@sids)", new { sids }, cancellationToken: cancellationToken));
            var pending = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "select count(*) from inbound_webhooks where message_sid = any(@sids) and processed_at is null", new { sids }, cancellationToken: cancellationToken));
            if ((present >= sids.Length && pending == 0) || drain.Elapsed > drainTimeout)
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var drained = drain.Elapsed;

        // One snapshot for rows and distinct ids: processing may still be going on after a drain time-out, and two
        // separate counts would read rows added in between as duplicates.
        var counts = await connection.QuerySingleAsync<(long Rows, long Distinct)>(new CommandDefinition(
            "select count(*), count(distinct message_id) from messages where message_id = any(@sids)", new { sids }, cancellationToken: cancellationToken));
        var inboxCounts = await connection.QuerySingleAsync<(long Rows, long Distinct, long Unprocessed)>(new CommandDefinition(
            "select count(*), count(distinct message_sid), count(*) filter (where processed_at is null) from inbound_webhooks where message_sid = any(@sids)",
            new { sids }, cancellationToken: cancellationToken));

        // Lost = acknowledged but in neither table. A stored, not yet processed webhook is durable (the sweep takes it):
        // it is reported as the backlog ("unprocessed"), not as lost.
        var lost = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            select count(*) from unnest(@sids) as s(sid)
            where not exists (select 1 from messages m where m.message_id = s.sid)
              and not exists (select 1 from inbound_webhooks w where w.message_sid = s.sid)
            """,
            new { sids }, cancellationToken: cancellationToken));
        return new DeliveryAudit(
            sids.Length, counts.Rows, inboxCounts.Rows, lost, counts.Rows - counts.Distinct, inboxCounts.Rows - inboxCounts.Distinct, inboxCounts.Unprocessed, drained);
    }

    /// <summary>Per MessageSid, when the web node stored it and when it was processed into a conversation.</summary>
    public static async Task<IReadOnlyDictionary<string, (DateTimeOffset Received, DateTimeOffset? Processed)>> InboxTimesAsync(
        string connectionString, IReadOnlyCollection<string> sids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.QueryAsync<(string Sid, DateTime Received, DateTime? Processed)>(new CommandDefinition(
            "select message_sid, received_at, processed_at from inbound_webhooks where message_sid = any(@sids)",
            new { sids = sids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Sid, r => (new DateTimeOffset(DateTime.SpecifyKind(r.Received, DateTimeKind.Utc)),
            r.Processed is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : (DateTimeOffset?)null));
    }
}
