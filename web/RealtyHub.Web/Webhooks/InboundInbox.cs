using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace RealtyHub.Web.Webhooks;

/// <summary>A stored inbound webhook waiting to be processed.</summary>
public sealed record PendingInbound(string MessageSid, string BrokerageId, IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>
/// The durable inbox of Twilio's inbound webhooks (<c>inbound_webhooks</c>): the webhook stores the form here and
/// acknowledges; <see cref="InboundProcessor"/> takes it from there. Keyed by MessageSid, so Twilio's retries are
/// stored once.
/// </summary>
public sealed class InboundInbox(NpgsqlDataSource database, TimeProvider clock)
{
    private readonly Channel<string> _signals = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    public ChannelReader<string> Signals => _signals.Reader;

    /// <summary>Stores the webhook; <c>false</c> when this MessageSid was stored before (a retry).</summary>
    public async Task<bool> StoreAsync(string messageSid, string brokerageId, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into inbound_webhooks (message_sid, brokerage_id, payload, received_at)
            values (@messageSid, @brokerageId, @payload::jsonb, @at)
            on conflict (message_sid) do nothing
            """,
            new { messageSid, brokerageId, payload = JsonSerializer.Serialize(form.Select(f => new[] { f.Key, f.Value })), at = clock.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
        if (stored)
        {
            _signals.Writer.TryWrite(messageSid);
        }

        return stored;
    }

    public async Task<PendingInbound?> FindPendingAsync(string messageSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "select message_sid as MessageSid, brokerage_id as BrokerageId, payload::text as Payload from inbound_webhooks where message_sid = @messageSid and processed_at is null",
            new { messageSid },
            cancellationToken: cancellationToken));
        return row?.ToPending();
    }

    /// <summary>Unprocessed webhooks older than <paramref name="age"/>: left by a crash, or whose processing failed.</summary>
    public async Task<IReadOnlyList<string>> ListStrandedAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sids = await connection.QueryAsync<string>(new CommandDefinition(
            "select message_sid from inbound_webhooks where processed_at is null and received_at < @before order by received_at limit @limit",
            new { before = clock.GetUtcNow() - age, limit },
            cancellationToken: cancellationToken));
        return [.. sids];
    }

    public async Task MarkProcessedAsync(string messageSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update inbound_webhooks set processed_at = @at where message_sid = @messageSid",
            new { messageSid, at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private sealed record Row(string MessageSid, string BrokerageId, string Payload)
    {
        public PendingInbound ToPending() => new(
            MessageSid,
            BrokerageId,
            [.. (JsonSerializer.Deserialize<string[][]>(Payload) ?? []).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);
    }
}
