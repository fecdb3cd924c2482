using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace RealtyHub.Web.Webhooks;

/// <summary>A stored inbound webhook waiting to be processed.</summary>
public sealed record PendingInbound(string MessageSid, string BrokerageId, IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>A webhook parked after its last failed attempt, with the error, for an admin to retry.</summary>
public sealed record ParkedInbound(string MessageSid, DateTimeOffset ReceivedAt, DateTimeOffset ParkedAt, int Attempts, string? LastError);

/// <summary>
/// The durable inbox of Twilio's inbound webhooks (<c>inbound_webhooks</c>): the webhook stores the form here and
/// acknowledges; <see cref="InboundProcessor"/> takes it from there. Keyed by MessageSid, so Twilio's retries are
/// stored once.
/// </summary>
public sealed class InboundInbox(NpgsqlDataSource database, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// Rows per group commit. Concurrent webhooks are written by one multi-row insert and one commit instead of one
    /// connection, round trip and WAL flush each: the profile of the flat-out webhook run showed the ack path spending
    /// most of its time in those per-request round trips (see load-tests/reports/profile-20261127.md).
    /// </summary>
    private const int MaxBatch = 256;

    /// <summary>Batches in flight at once, so the next batch fills while one commits; a lone webhook is written at once.</summary>
    private const int Writers = 4;

    private const string InsertBatch =
        """
        insert into inbound_webhooks (message_sid, brokerage_id, payload, received_at)
        select * from unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[])
        on conflict (message_sid) do nothing
        returning message_sid
        """;

    private readonly ProcessedMarker _marker = new(database, clock);

    // The stored webhook itself is signalled, so processing needs no read of the row it was just given.
    private readonly Channel<PendingInbound> _signals = Channel.CreateUnbounded<PendingInbound>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Channel<StoreRequest> _writes = Channel.CreateUnbounded<StoreRequest>();
    private int _writersStarted;

    public ChannelReader<PendingInbound> Signals => _signals.Reader;

    /// <summary>
    /// Stores the webhook; <c>false</c> when this MessageSid was stored before (a retry). Completes only after the
    /// row is committed, so the caller may acknowledge; a failed commit throws and the webhook is not acknowledged.
    /// </summary>
    public async Task<bool> StoreAsync(string messageSid, string brokerageId, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Interlocked.Exchange(ref _writersStarted, 1) == 0)
        {
            for (var i = 0; i < Writers; i++)
            {
                _ = Task.Run(WriteLoopAsync, CancellationToken.None);
            }
        }

        var request = new StoreRequest(new PendingInbound(messageSid, brokerageId, form), JsonSerializer.Serialize(form.Select(f => new[] { f.Key, f.Value })), clock.GetUtcNow());
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(request), this);

        // A cancelled request still gets its row written (a later retry then finds it); it just is not acknowledged.
        return await request.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Ends the writers once what is queued is written (the host is stopping).</summary>
    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _marker.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<StoreRequest>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteBatchAsync(List<StoreRequest> batch)
    {
        try
        {
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = database.CreateCommand(InsertBatch))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.MessageSid).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.BrokerageId).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.Payload).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.ReceivedAt).ToArray() });
                await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    inserted.Add(reader.GetString(0));
                }
            }

            foreach (var request in batch)
            {
                // Remove, so that of two copies of one MessageSid in a batch only the first counts as stored.
                var stored = inserted.Remove(request.MessageSid);
                if (stored)
                {
                    _signals.Writer.TryWrite(request.Webhook);
                }

                request.Stored.TrySetResult(stored);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing of the batch is acknowledged; Twilio retries each webhook, and the retry is idempotent.
            foreach (var request in batch)
            {
                request.Stored.TrySetException(ex);
            }
        }
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

    /// <summary>
    /// Unprocessed, unparked webhooks older than <paramref name="age"/> whose pause after a failure is over: left by a
    /// crash, or whose processing failed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListStrandedAsync(TimeSpan age, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            select message_sid from inbound_webhooks
            where processed_at is null and parked_at is null and received_at < @before and coalesce(next_attempt_at, received_at) <= @now
            order by received_at limit @limit
            """,
            new { before = now - age, now, limit },
            cancellationToken: cancellationToken));
        return [.. sids];
    }

    /// <summary>Counts a failed attempt; parks the webhook after <paramref name="maxAttempts"/>. Returns whether it is now parked.</summary>
    public async Task<bool> RecordFailureAsync(string messageSid, string error, int maxAttempts, Func<int, TimeSpan> pauseAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pauseAfter);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "update inbound_webhooks set attempts = attempts + 1, last_error = @error where message_sid = @messageSid returning attempts",
            new { messageSid, error = error.Length <= 2000 ? error : error[..2000] },
            cancellationToken: cancellationToken));
        var parked = attempts >= maxAttempts;
        await connection.ExecuteAsync(new CommandDefinition(
            "update inbound_webhooks set next_attempt_at = @next, parked_at = @parkedAt where message_sid = @messageSid",
            new { messageSid, next = now + pauseAfter(attempts), parkedAt = parked ? now : (DateTimeOffset?)null },
            cancellationToken: cancellationToken));
        return parked;
    }

    public async Task<IReadOnlyList<ParkedInbound>> ListParkedAsync(string brokerageId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ParkedRow>(new CommandDefinition(
            """
            select message_sid as MessageSid, received_at as ReceivedAt, parked_at as ParkedAt, attempts as Attempts, last_error as LastError
            from inbound_webhooks where brokerage_id = @brokerageId and parked_at is not null and processed_at is null
            order by parked_at desc limit @limit
            """,
            new { brokerageId, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ParkedInbound(r.MessageSid, Utc(r.ReceivedAt), Utc(r.ParkedAt), r.Attempts, r.LastError))];
    }

    /// <summary>Takes a parked webhook of the brokerage out of the car park for a fresh round of attempts; <c>false</c> if there is none.</summary>
    public async Task<bool> UnparkAsync(string brokerageId, string messageSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The update returns the row it unparked, so signalling it needs no second read.
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            update inbound_webhooks set parked_at = null, attempts = 0, next_attempt_at = null
            where brokerage_id = @brokerageId and message_sid = @messageSid and parked_at is not null and processed_at is null
            returning message_sid as MessageSid, brokerage_id as BrokerageId, payload::text as Payload
            """,
            new { brokerageId, messageSid },
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return false;
        }

        _signals.Writer.TryWrite(row.ToPending());
        return true;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>Marks the webhook processed (in a group with others finishing at the same time).</summary>
    public Task MarkProcessedAsync(string messageSid, CancellationToken cancellationToken) => _marker.MarkAsync(messageSid, cancellationToken);

    /// <summary>One webhook waiting for its group commit; completed on a pool thread, not on the writer.</summary>
    private sealed record StoreRequest(PendingInbound Webhook, string Payload, DateTimeOffset ReceivedAt)
    {
        public string MessageSid => Webhook.MessageSid;

        public string BrokerageId => Webhook.BrokerageId;

        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record ParkedRow(string MessageSid, DateTime ReceivedAt, DateTime ParkedAt, int Attempts, string? LastError);

    private sealed record Row(string MessageSid, string BrokerageId, string Payload)
    {
        public PendingInbound ToPending() => new(
            MessageSid,
            BrokerageId,
            [.. (JsonSerializer.Deserialize<string[][]>(Payload) ?? []).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);
    }
}
