using System.Threading.Channels;
using Npgsql;

namespace RealtyHub.Web.Webhooks;

/// <summary>
/// Marks processed webhooks in groups: under load many messages finish at once, and one update of many rows replaces
/// a connection and round trip each. A caller's mark completes only after its group is committed; a failed group
/// fails every caller in it, and the sweep finds those webhooks again (processing is idempotent per MessageSid).
/// </summary>
internal sealed class ProcessedMarker(NpgsqlDataSource database, TimeProvider clock) : IDisposable
{
    private const int MaxBatch = 256;
    private const int Writers = 2;

    private const string MarkBatch = "update inbound_webhooks set processed_at = $2 where message_sid = any($1)";

    private readonly Channel<Mark> _marks = Channel.CreateUnbounded<Mark>();
    private int _writersStarted;

    public async Task MarkAsync(string messageSid, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _writersStarted, 1) == 0)
        {
            for (var i = 0; i < Writers; i++)
            {
                _ = Task.Run(WriteLoopAsync, CancellationToken.None);
            }
        }

        var mark = new Mark(messageSid);
        ObjectDisposedException.ThrowIf(!_marks.Writer.TryWrite(mark), this);
        await mark.Done.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => _marks.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Mark>(MaxBatch);
        while (await _marks.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _marks.Reader.TryRead(out var mark))
            {
                batch.Add(mark);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var command = database.CreateCommand(MarkBatch);
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(m => m.MessageSid).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
                await command.ExecuteNonQueryAsync(CancellationToken.None);
                batch.ForEach(m => m.Done.TrySetResult());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                batch.ForEach(m => m.Done.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    private sealed record Mark(string MessageSid)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
