using RealtyHub.Grains.Conversations;

namespace RealtyHub.Grains.Data;

/// <summary>A stored media file.</summary>
public sealed record StoredMedia(string MediaId, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>Media of messages (images, documents, voice notes), kept in PostgreSQL per brokerage.</summary>
public interface IMediaStore
{
    Task<string> SaveAsync(string brokerageId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    Task<StoredMedia?> FindAsync(string brokerageId, string mediaId, CancellationToken cancellationToken = default);

    /// <summary>Keeps the latest machine transcript of a voice note (message pages read it from here).</summary>
    Task SaveTranscriptAsync(string brokerageId, string mediaId, MediaTranscript transcript, CancellationToken cancellationToken = default);
}
