namespace RealtyHub.Grains.Conversations;

/// <summary>
/// A stored media file of a message (image, document, voice note). <see cref="Error"/> says why it could not be stored;
/// a stored voice note carries its machine <see cref="Transcript"/> once one is made.
/// </summary>
[GenerateSerializer, Immutable, Alias("realtyhub.media-attachment")]
public sealed record MediaAttachment(
    [property: Id(0)] string? MediaId,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string? Error = null,
    [property: Id(4)] MediaTranscript? Transcript = null)
{
    public bool IsVoiceNote => ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A voice note we hold the audio of, so it can be transcribed.</summary>
    public bool NeedsTranscript => IsVoiceNote && MediaId is not null && Error is null;

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}
