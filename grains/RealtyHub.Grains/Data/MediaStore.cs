using Dapper;
using Npgsql;
using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Data;

internal sealed class MediaStore(NpgsqlDataSource database, TimeProvider clock) : IMediaStore
{
    public async Task<string> SaveAsync(string brokerageId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var mediaId = Guid.NewGuid();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into media_blobs (media_id, brokerage_id, content_type, size_bytes, content, created_at)
            values (@mediaId, @brokerageId, @contentType, @size, @content, @at)
            """,
            new { mediaId, brokerageId, contentType, size = (long)content.Length, content = content.ToArray(), at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return mediaId.ToString("N");
    }

    public async Task<StoredMedia?> FindAsync(string brokerageId, string mediaId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(mediaId, out var id))
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MediaRow>(new CommandDefinition(
            "select content_type as ContentType, content as Content from media_blobs where brokerage_id = @brokerageId and media_id = @id",
            new { brokerageId, id },
            cancellationToken: cancellationToken));
        return row is null ? null : new StoredMedia(mediaId, row.ContentType, row.Content);
    }

    public async Task SaveTranscriptAsync(string brokerageId, string mediaId, MediaTranscript transcript, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into media_transcripts (brokerage_id, media_id, status, text, language, note, updated_at)
            values (@brokerageId, @mediaId, @status, @Text, @Language, @Note, @at)
            on conflict (brokerage_id, media_id) do update set
                status = excluded.status, text = excluded.text, language = excluded.language, note = excluded.note, updated_at = excluded.updated_at
            """,
            new { brokerageId, mediaId, status = transcript.Status.ToString(), transcript.Text, transcript.Language, transcript.Note, at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private sealed record MediaRow(string ContentType, byte[] Content);
}
