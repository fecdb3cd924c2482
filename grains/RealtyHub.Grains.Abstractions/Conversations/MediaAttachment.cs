namespace RealtyHub.Grains.Conversations;

/// <summary>A stored media file of a message (image, document, voice note). <see cref="Error"/> says why it could not be stored.</summary>
[GenerateSerializer, Immutable, Alias("realtyhub.media-attachment")]
public sealed record MediaAttachment(
    [property: Id(0)] string? MediaId,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string? Error = null)
{
    public bool IsVoiceNote => ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}
